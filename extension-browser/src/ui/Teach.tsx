import { useState } from 'preact/hooks';
import { TEACHABLE_FIELDS, type TeachableField } from '../crm/generic';
import { pickOnPage } from '../page/pageAccess';
import { loadSettings, saveSettings } from '../settings';
import { useT } from './i18nContext';

/** Teach mode for unknown sites: click the element holding each field once; remembered for the site. */
export function Teach(props: {
  tabId: number;
  origin: string;
  mapping: Record<string, string>;
  onTaught: (field: TeachableField) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState<TeachableField | null>(null);
  const [error, setError] = useState('');
  const [open, setOpen] = useState(Object.keys(props.mapping).length === 0);
  const teach = async (field: TeachableField) => {
    setBusy(field);
    setError('');
    try {
      const picked = await pickOnPage(props.tabId);
      if (picked) {
        const s = await loadSettings();
        const site = { ...(s.siteMappings[props.origin] ?? {}), [field]: picked.selector };
        await saveSettings({ siteMappings: { ...s.siteMappings, [props.origin]: site } });
        props.onTaught(field);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <details class="teach" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('teachTitle')}</summary>
      <p>{t('teachHelp')}</p>
      <ul>
        {TEACHABLE_FIELDS.map((f) => (
          <li key={f}>
            <button type="button" data-teach={f} disabled={busy !== null} onClick={() => void teach(f)}>
              {busy === f ? t('teachClickNow') : t(`field_${f}`)}
            </button>
            {props.mapping[f] && <code>{props.mapping[f]}</code>}
          </li>
        ))}
      </ul>
      {error && <p class="error">{error}</p>}
    </details>
  );
}
