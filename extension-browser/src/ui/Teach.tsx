import { useState } from 'preact/hooks';
import { TEACHABLE_FIELDS, type SiteMapping, type TaughtField, type TeachableField } from '../crm/read/taught';
import type { TicketContext } from '../crm/ticketContext';
import { taughtFrom } from '../crm/teach';
import { pickOnPage } from '../page/pageAccess';
import { loadSettings, saveSettings } from '../settings';
import { useT } from './i18nContext';

/** Saves one taught field of a site (or removes it with `null`); other fields and sites stay. */
export async function saveTaught(origin: string, field: TeachableField, value: TaughtField | null): Promise<void> {
  const s = await loadSettings();
  const { [field]: _, ...others } = s.siteMappings[origin] ?? {};
  const site: SiteMapping = value ? { ...others, [field]: value } : others;
  await saveSettings({ siteMappings: { ...s.siteMappings, [origin]: site } });
}

/** What the page read gives for a field right now: the live preview beside each taught field. */
function preview(ctx: TicketContext, f: TeachableField): string | undefined {
  if (f === 'note') return undefined;
  const v = ctx[f];
  return v ? (v.length > 80 ? `${v.slice(0, 80)}…` : v) : undefined;
}

/**
 * Teach mode for unknown sites: click the element holding each field once; remembered for the site.
 * Saving re-reads the page, so each field shows what it reads now; a taught field reading nothing is flagged.
 */
export function Teach(props: { tabId: number; origin: string; mapping: SiteMapping; ctx: TicketContext; fromTeam?: string[] }) {
  const t = useT();
  const [busy, setBusy] = useState<TeachableField | null>(null);
  const [error, setError] = useState('');
  const warnings = props.ctx.warnings;
  // Folded while the page reads well by itself: the form comes first for an agent on a call.
  const missing = !props.ctx.subject || !props.ctx.customerName || !props.ctx.ticketId;
  const [open, setOpen] = useState(warnings.length > 0 || (Object.keys(props.mapping).length === 0 && missing));
  const teach = async (field: TeachableField) => {
    setBusy(field);
    setError('');
    try {
      const picked = await pickOnPage(props.tabId);
      if (picked) await saveTaught(props.origin, field, taughtFrom(field, picked, props.mapping[field]));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <details class="teach" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('teachTitle')}
        {warnings.length > 0 && <span class="teach-warning-count"> · ⚠ {warnings.length}</span>}
      </summary>
      <p>{t('teachHelp')}</p>
      <ul>
        {TEACHABLE_FIELDS.map((f) => {
          const taught = props.mapping[f];
          const value = preview(props.ctx, f);
          return (
            <li key={f} data-taught={taught ? 'yes' : 'no'}>
              <button type="button" data-teach={f} disabled={busy !== null} onClick={() => void teach(f)}>
                {busy === f ? t('teachClickNow') : t(`field_${f}`)}
              </button>
              {taught && props.fromTeam?.includes(f) && <span class="teach-from-team"> {t('teachFromTeam')}</span>}
              {taught && warnings.includes(f) && (
                <span class="teach-warning" role="alert">
                  {t('teachFoundNothing')}
                </span>
              )}
              {taught && value && <output class="teach-preview">{value}</output>}
              {taught && f !== 'latestMessage' && f !== 'note' && (
                <input
                  class="teach-pattern"
                  aria-label={t('teachPattern', t(`field_${f}`))}
                  placeholder={t('teachPatternHint')}
                  value={taught.pattern ?? ''}
                  onChange={(e) => void saveTaught(props.origin, f, { ...taught, pattern: e.currentTarget.value.trim() || undefined })}
                />
              )}
            </li>
          );
        })}
      </ul>
      {error && <p class="error">{error}</p>}
    </details>
  );
}
