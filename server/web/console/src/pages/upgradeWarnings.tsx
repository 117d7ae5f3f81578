import { DataTable } from '../components/DataTable.js';
import { InsightView } from '../components/InsightView.js';
import { useInsight } from '../components/useInsight.js';
import type { ConsolePage, PageProps } from './page.js';

function UpgradeWarnings({ api, t, filter, onError }: PageProps) {
  const loaded = useInsight(() => api.insights.upgradeWarnings.query(filter), JSON.stringify(filter), onError);
  return (
    <InsightView
      t={t}
      intro="upgradesIntro"
      loaded={loaded}
      empty={() => false}
      csvName="upgrade-warnings"
      csvRows={(d) => d.map((w) => ({ ...w, groups: w.groups.map((g) => `${g.reference} (${g.incidents}) ${g.title}`).join(' | ') }))}
    >
      {(d) =>
        d.length === 0 ? (
          <p class="empty">{t('noWarnings')}</p>
        ) : (
          <DataTable
            t={t}
            rows={d}
            rowKey={(w) => `${w.product}@${w.version}`}
            columns={[
              { header: 'product', cell: (w) => w.product },
              { header: 'version', cell: (w) => w.version },
              { header: 'colPrevious', cell: (w) => w.previousVersion },
              { header: 'colRate', cell: (w) => `${w.rate} / ${w.previousRate}`, num: true },
              {
                header: 'colGroups',
                cell: (w) => (
                  <ul>
                    {w.groups.map((g) => (
                      <li key={g.reference}>
                        {g.reference} ({g.incidents}): {g.title}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        )
      }
    </InsightView>
  );
}

export const upgradeWarningsPage: ConsolePage = {
  id: 'upgrades',
  title: 'pageUpgrades',
  filtered: true,
  visible: () => true,
  Component: UpgradeWarnings,
};
