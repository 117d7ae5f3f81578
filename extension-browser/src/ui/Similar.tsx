import type { IncidentListItem } from '@handoff/shared';
import { mayAddCustomer } from '../access/offers';
import type { Api } from '../api/client';
import { similarTo } from '../api/incidents';
import { pluralKey } from '../i18n/i18n';
import { useT } from './i18nContext';
import { useTypedSearch } from './useTypedSearch';
import { useMe } from './useMe';
import { Whose } from './Whose';

/**
 * Existing incidents that look like this one, searched while the agent types. Another team's incident comes
 * as its summary, with whose it is; the agent can still add their customer to it.
 */
export function Similar(props: { api: Api; text: string; onLink: (i: IncidentListItem) => void }) {
  const t = useT();
  const canLink = mayAddCustomer(useMe());
  const items = useTypedSearch(props.api, props.text, similarTo);
  if (!items.length) return null;
  return (
    <section class="similar" aria-label={t('similarTitle')}>
      <h3>{t('similarTitle')}</h3>
      <ul>
        {items.map((i) => (
          <li key={i.reference} data-ref={i.reference} data-access={i.access}>
            <div>
              <strong>{i.reference}</strong> {i.title}
            </div>
            {i.access === 'summary' && <Whose incident={i} />}
            <div class="meta">
              {t(`status_${i.status}`)} · {i.owner ? i.owner.name : t('unassigned')} ·{' '}
              {t(pluralKey('affected', i.affectedCustomers, document.documentElement.lang || 'en'), i.affectedCustomers)}
            </div>
            {i.workaround && (
              <div class="workaround">
                {t('workaround')}: {i.workaround}
              </div>
            )}
            {canLink && (
              <button type="button" class="link-duplicate" onClick={() => props.onLink(i)}>
                {t('linkDuplicate')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
