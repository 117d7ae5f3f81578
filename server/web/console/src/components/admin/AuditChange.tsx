import type { Translate } from '../../i18n.js';

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An entry's before and after, field by field; changed fields first and marked, unchanged ones folded away. */
export function AuditChange({ t, before, after }: { t: Translate; before: unknown; after: unknown }) {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changed = keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  const same = keys.filter((k) => !changed.includes(k));
  return (
    <div class="audit-change">
      {before === null && <p class="hint">{t('auditCreated')}</p>}
      {after === null && <p class="hint">{t('auditRemoved')}</p>}
      <dl>
        {changed.map((k) => (
          <div key={k} class="changed" data-field={k}>
            <dt>{k}</dt>
            <dd>
              {before !== null && <del>{show(b[k])}</del>}
              {before !== null && after !== null && ' → '}
              {after !== null && <ins>{show(a[k])}</ins>}
            </dd>
          </div>
        ))}
      </dl>
      {same.length > 0 && (
        <details>
          <summary>{t('auditUnchanged', { n: same.length })}</summary>
          <dl>
            {same.map((k) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{show(b[k])}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </div>
  );
}
