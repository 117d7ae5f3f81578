import type { KnownSolution } from '@handoff/shared';
import { mayResolveKnown } from '../access/offers';
import type { Api } from '../api/client';
import { knownSolutionsFor } from '../api/incidents';
import { useT } from './i18nContext';
import { useTypedSearch } from './useTypedSearch';
import { useMe } from './useMe';

/**
 * Problems like this one that already have a known solution, listed before the similar incidents: the
 * solution, what to tell the customer, and "Resolve with known solution" (recorded as resolved at L1,
 * no escalation).
 */
export function KnownSolutions(props: { api: Api; text: string; busy: boolean; onResolve: (k: KnownSolution) => void }) {
  const t = useT();
  const canResolve = mayResolveKnown(useMe());
  const items = useTypedSearch(props.api, props.text, knownSolutionsFor);
  if (!items.length) return null;
  return (
    <section class="known-solutions" aria-label={t('knownTitle')}>
      <h3>{t('knownTitle')}</h3>
      <ul>
        {items.map((k) => (
          <li key={k.group} data-group={k.group}>
            <div>
              <strong>{k.group}</strong> {k.title}
            </div>
            <div class="solution">
              <span class="label">{t('knownSolution')}:</span> {k.solution}
            </div>
            {k.customerAnswer && (
              <div class="customer-answer">
                <span class="label">{t('knownCustomerAnswer')}:</span> {k.customerAnswer}
              </div>
            )}
            <div class="meta">{t('knownUsed', k.resolvedAtL1)}</div>
            {canResolve && (
              <button type="button" class="resolve-known" disabled={props.busy} onClick={() => props.onResolve(k)}>
                {t('resolveKnown')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
