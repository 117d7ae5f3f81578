import type { UpgradeWarning } from '@handoff/shared';
import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api.js';
import type { Translate } from '../i18n.js';

const keyOf = (w: UpgradeWarning) => `${w.product}@${w.version}`;

/**
 * Upgrade warnings over every version the person counts, shown above every page; for leads and
 * admins a warning raised while the console is open appears at once (a live event).
 */
export function WarningBanner({ api, t, live }: { api: Api; t: Translate; live: boolean }) {
  const [warnings, setWarnings] = useState<UpgradeWarning[]>([]);
  useEffect(() => {
    api.insights.upgradeWarnings.query({}).then(setWarnings, () => setWarnings([]));
    if (!live) return;
    const sub = api.insights.onUpgradeWarning.subscribe(
      {},
      {
        onData: ({ data }) => setWarnings((ws) => (ws.some((w) => keyOf(w) === keyOf(data.warning)) ? ws : [...ws, data.warning])),
      },
    );
    return () => sub.unsubscribe();
  }, [api, live]);
  if (warnings.length === 0) return null;
  return (
    <div class="banner" role="alert">
      {warnings.map((w) => (
        <p key={keyOf(w)} data-version={keyOf(w)}>
          {t('warningBanner', {
            product: w.product,
            version: w.version,
            rate: w.rate,
            days: w.days,
            previousRate: w.previousRate,
            previousVersion: w.previousVersion,
          })}{' '}
          <a href="#/upgrades">{w.groups.map((g) => g.reference).join(', ')}</a>
        </p>
      ))}
    </div>
  );
}
