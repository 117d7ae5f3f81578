import { horizontalBars } from '../charts/bars.js';
import { Chart } from '../components/Chart.js';
import { DataTable } from '../components/DataTable.js';
import { InsightView } from '../components/InsightView.js';
import { useInsight } from '../components/useInsight.js';
import type { ConsolePage, PageProps } from './page.js';

function Evaluations({ api, t, filter, onError }: PageProps) {
  const loaded = useInsight(() => api.insights.evaluations.query(filter), JSON.stringify(filter), onError);
  return (
    <InsightView
      t={t}
      intro="evaluationsIntro"
      loaded={loaded}
      empty={(d) => d.length === 0}
      csvName="customer-evaluations"
      csvRows={(d) =>
        d.map((e) => ({
          team: e.team,
          evaluations: e.evaluations,
          averageRating: e.averageRating,
          ...Object.fromEntries(e.ratings.map((n, i) => [`rated${i + 1}`, n])),
        }))
      }
    >
      {(d) => (
        <>
          <Chart
            label={t('pageEvaluations')}
            data={d}
            draw={(width) => horizontalBars(d, { x: 'averageRating', y: 'team', xLabel: t('colAverage'), width })}
          />
          <DataTable
            t={t}
            rows={d}
            rowKey={(e) => e.team}
            columns={[
              { header: 'team', cell: (e) => e.team },
              { header: 'colEvaluations', cell: (e) => e.evaluations, num: true },
              { header: 'colAverage', cell: (e) => e.averageRating, num: true },
              { header: 'colRatings', cell: (e) => e.ratings.join(' / '), num: true },
            ]}
          />
        </>
      )}
    </InsightView>
  );
}

export const evaluationsPage: ConsolePage = {
  id: 'evaluations',
  title: 'pageEvaluations',
  filtered: true,
  visible: () => true,
  Component: Evaluations,
};
