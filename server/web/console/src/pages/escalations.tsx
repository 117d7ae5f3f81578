import { horizontalBars } from '../charts/bars.js';
import { Chart } from '../components/Chart.js';
import { DataTable } from '../components/DataTable.js';
import { InsightView } from '../components/InsightView.js';
import { useInsight } from '../components/useInsight.js';
import { pct } from '../format.js';
import type { ConsolePage, PageProps } from './page.js';

function Escalations({ api, t, filter, onError }: PageProps) {
  const loaded = useInsight(() => api.insights.escalations.query(filter), JSON.stringify(filter), onError);
  const label = (key: string | null) => key ?? t('allCategories');
  return (
    <InsightView
      t={t}
      intro="escalationsIntro"
      loaded={loaded}
      empty={(d) => (d.rates[0]?.incidents ?? 0) === 0}
      csvName="escalations"
      csvRows={(d) => [
        ...d.rates.map((r) => ({
          table: 'escalationRate',
          key: r.key ?? 'all',
          incidents: r.incidents,
          escalated: r.escalated,
          rate: r.rate,
        })),
        ...d.resolvingTiers.map((r) => ({ table: 'resolvingTier', key: r.tier, resolved: r.resolved, rate: r.share })),
        ...d.avoided.groups.map((g) => ({ table: 'avoided', key: g.reference, title: g.title, resolved: g.resolvedAtL1 })),
      ]}
    >
      {(d) => (
        <>
          <h3>{t('escalationRatesTitle')}</h3>
          <Chart
            label={t('escalationRatesTitle')}
            data={d.rates}
            draw={(width) =>
              horizontalBars(
                d.rates.map((r) => ({ label: label(r.key), percent: r.rate * 100 })),
                { x: 'percent', y: 'label', xLabel: `${t('colEscalationRate')} (%)`, width },
              )
            }
          />
          <DataTable
            t={t}
            rows={d.rates}
            rowKey={(r) => r.key ?? ''}
            columns={[
              { header: 'category', cell: (r) => label(r.key) },
              { header: 'colIncidents', cell: (r) => r.incidents, num: true },
              { header: 'colEscalated', cell: (r) => r.escalated, num: true },
              { header: 'colEscalationRate', cell: (r) => pct(r.rate), num: true },
            ]}
          />
          <h3>{t('resolvingTierTitle')}</h3>
          <Chart
            label={t('resolvingTierTitle')}
            data={d.resolvingTiers}
            draw={(width) =>
              horizontalBars(
                d.resolvingTiers.map((r) => ({ label: t('tierName', { tier: r.tier }), resolved: r.resolved })),
                { x: 'resolved', y: 'label', xLabel: t('colResolved'), width },
              )
            }
          />
          <DataTable
            t={t}
            rows={d.resolvingTiers}
            rowKey={(r) => String(r.tier)}
            columns={[
              { header: 'colTier', cell: (r) => t('tierName', { tier: r.tier }) },
              { header: 'colResolved', cell: (r) => r.resolved, num: true },
              { header: 'colShareResolved', cell: (r) => pct(r.share), num: true },
            ]}
          />
          <h3 class="avoided-total">{t('avoidedTitle', { n: d.avoided.total })}</h3>
          {d.avoided.groups.length > 0 && (
            <DataTable
              t={t}
              rows={d.avoided.groups}
              rowKey={(g) => g.reference}
              columns={[
                { header: 'colReference', cell: (g) => g.reference },
                { header: 'colTitle', cell: (g) => g.title },
                { header: 'colResolvedAtL1', cell: (g) => g.resolvedAtL1, num: true },
              ]}
            />
          )}
        </>
      )}
    </InsightView>
  );
}

export const escalationsPage: ConsolePage = {
  id: 'escalations',
  title: 'pageEscalations',
  filtered: true,
  visible: () => true,
  Component: Escalations,
};
