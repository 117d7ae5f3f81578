import type { UpgradeWarning } from '@handoff/shared';
import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api.js';
import type { Translate } from '../i18n.js';

/** Upgrade warnings over every version the person counts, shown above every page. */
export function WarningBanner({ api, t }: { api: Api; t: Translate }) {
  const [warnings, setWarnings] = useState<UpgradeWarning[]>([]);
  useEffect(() => {
    api.insights.upgradeWarnings.query({}).then(setWarnings, () => setWarnings([]));
  }, [api]);
  if (warnings.length === 0) return null;
  return (
    <div class="banner" role="alert">
      {warnings.map((w) => (
        <p key={`${w.product}@${w.version}`}>
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
