import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { SiteMapping, TeachableField } from '../crm/read/taught';
import { exportMappings, importMappings } from '../options/mappingFile';
import { saveSettings, type Settings } from '../settings';
import { useT } from './i18nContext';

/** The options' list of taught sites: each field removable on its own, the whole set exported and imported as JSON. */
export function TaughtSites(props: {
  mappings: Settings['siteMappings'];
  share?: (origin: string, mapping: SiteMapping) => ComponentChildren;
}) {
  const t = useT();
  const [note, setNote] = useState('');
  const entries = Object.entries(props.mappings);
  const save = (siteMappings: Settings['siteMappings']) => void saveSettings({ siteMappings });
  const removeField = (origin: string, field: string) => {
    const { [field as TeachableField]: _, ...rest } = props.mappings[origin] ?? {};
    const { [origin]: __, ...others } = props.mappings;
    save(Object.keys(rest).length ? { ...props.mappings, [origin]: rest } : others);
  };
  const download = () => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([exportMappings(props.mappings)], { type: 'application/json' }));
    a.download = 'handoff-site-mappings.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    try {
      const { merged, sites } = importMappings(props.mappings, await file.text());
      await saveSettings({ siteMappings: merged });
      setNote(t('taughtImported', sites));
    } catch (e) {
      setNote(t('taughtImportFailed', e instanceof Error ? e.message : String(e)));
    }
  };
  return (
    <section class="taught-sites">
      <h2>{t('taughtSites')}</h2>
      {entries.length === 0 && <p class="empty">{t('taughtNone')}</p>}
      <ul class="mappings">
        {entries.map(([origin, m]) => (
          <li key={origin} data-origin={origin}>
            <strong>{origin}</strong>
            <ul>
              {Object.entries(m).map(([field, f]) => (
                <li key={field} data-field={field}>
                  {t(`field_${field}`)}: <code>{f.css}</code>
                  {f.label && <span class="taught-label"> ({f.label})</span>}
                  {f.pattern && <code class="taught-pattern"> /{f.pattern}/</code>}{' '}
                  <button type="button" class="remove-field" onClick={() => removeField(origin, field)}>
                    {t('removeField', t(`field_${field}`))}
                  </button>
                </li>
              ))}
            </ul>
            <button
              type="button"
              class="forget-site"
              onClick={() => {
                const { [origin]: _, ...rest } = props.mappings;
                save(rest);
              }}
            >
              {t('forgetSite')}
            </button>{' '}
            {props.share?.(origin, m)}
          </li>
        ))}
      </ul>
      <div class="row">
        <button type="button" class="export-mappings" disabled={!entries.length} onClick={download}>
          {t('taughtExport')}
        </button>
        <label class="import-mappings">
          {t('taughtImport')}{' '}
          <input type="file" accept="application/json,.json" onChange={(e) => void upload(e.currentTarget.files?.[0])} />
        </label>
      </div>
      {note && (
        <p class="import-result" role="status">
          {note}
        </p>
      )}
    </section>
  );
}
