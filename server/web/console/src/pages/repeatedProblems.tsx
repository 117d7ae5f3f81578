import { horizontalBars } from '../charts/bars.js';
import { Chart } from '../components/Chart.js';
import { DataTable } from '../components/DataTable.js';
import { InsightView } from '../components/InsightView.js';
import { useInsight } from '../components/useInsight.js';
import type { ConsolePage, PageProps } from './page.js';

function RepeatedProblems({ api, t, filter, onError }: PageProps) {
  const loaded = useInsight(() => api.insights.repeatedProblems.query(filter), JSON.stringify(filter), onError);
  return (
    <InsightView
      t={t}
      intro="repeatedIntro"
      loaded={loaded}
      empty={(d) => d.groups.length === 0 && d.suggestions.length === 0}
      csvName="repeated-problems"
      csvRows={(d) => d.groups}
    >
      {(d) => (
        <>
          <Chart
            label={t('pageRepeated')}
            data={d}
            draw={(width) =>
              horizontalBars(
                d.groups.slice(0, 15).map((g) => ({ ...g, label: `${g.reference} ${g.title}`.slice(0, 40) })),
                { x: 'customersAffected', y: 'label', xLabel: t('colCustomers'), width },
              )
            }
          />
          <DataTable
            t={t}
            rows={d.groups}
            rowKey={(g) => g.reference}
            columns={[
              { header: 'colReference', cell: (g) => g.reference },
              { header: 'colTitle', cell: (g) => g.title },
              { header: 'colIncidents', cell: (g) => g.incidents, num: true },
              { header: 'colCustomers', cell: (g) => g.customersAffected, num: true },
              {
                header: 'colTrend',
                cell: (g) => `${g.recent} / ${g.previous} ${g.recent > g.previous ? '↑' : g.recent < g.previous ? '↓' : '→'}`,
                num: true,
              },
              { header: 'colWorkaround', cell: (g) => g.withWorkaround, num: true },
            ]}
          />
          {d.suggestions.length > 0 && (
            <section aria-labelledby="suggestions">
              <h3 id="suggestions">{t('suggestionsTitle')}</h3>
              <ul>
                {d.suggestions.map((s) => (
                  <li key={s.reference}>
                    {t('suggestionOf', { reference: s.reference, group: s.group })}: {s.title}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </InsightView>
  );
}

export const repeatedProblemsPage: ConsolePage = {
  id: 'repeated',
  title: 'pageRepeated',
  filtered: true,
  visible: () => true,
  Component: RepeatedProblems,
};
