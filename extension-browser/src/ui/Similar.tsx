import { useEffect, useState } from 'preact/hooks';
import type { IncidentSummary } from '@handoff/shared';
import type { Api } from '../api/client';
import { useT } from './i18nContext';

/** Existing incidents that look like this one, searched while the agent types. */
export function Similar(props: { api: Api; text: string; onLink: (i: IncidentSummary) => void }) {
  const t = useT();
  const [items, setItems] = useState<IncidentSummary[]>([]);
  useEffect(() => {
    const text = props.text.trim();
    if (text.length < 4) return setItems([]);
    let live = true;
    const timer = setTimeout(() => {
      props.api.incidents.search.query({ text: text.slice(0, 300), limit: 5 }).then(
        (r) => live && setItems(r),
        () => live && setItems([]), // offline: the capture itself still works
      );
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [props.text, props.api]);
  if (!items.length) return null;
  return (
    <section class="similar" aria-label={t('similarTitle')}>
      <h3>{t('similarTitle')}</h3>
      <ul>
        {items.map((i) => (
          <li key={i.reference} data-ref={i.reference}>
            <div>
              <strong>{i.reference}</strong> {i.title}
            </div>
            <div class="meta">
              {t(`status_${i.status}`)} · {i.owner ? i.owner.name : t('unassigned')} · {t('affected', i.affectedCustomers)}
            </div>
            {i.workaround && (
              <div class="workaround">
                {t('workaround')}: {i.workaround}
              </div>
            )}
            <button type="button" class="link-duplicate" onClick={() => props.onLink(i)}>
              {t('linkDuplicate')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
