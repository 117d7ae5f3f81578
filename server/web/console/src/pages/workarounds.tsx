import { horizontalBars } from '../charts/bars.js';
import { Chart } from '../components/Chart.js';
import { DataTable } from '../components/DataTable.js';
import { InsightView } from '../components/InsightView.js';
import { useInsight } from '../components/useInsight.js';
import type { ConsolePage, PageProps } from './page.js';

function Workarounds({ api, t, filter, onError }: PageProps) {
  const loaded = useInsight(() => api.insights.workarounds.query(filter), JSON.stringify(filter), onError);
  return (
    <InsightView t={t} intro="workaroundsIntro" loaded={loaded} empty={(d) => d.length === 0} csvName="workarounds" csvRows={(d) => d}>
      {(d) => (
        <>
          <Chart
            label={t('pageWorkarounds')}
            data={d}
            draw={(width) =>
              horizontalBars(
                d.map((w) => ({ ...w, label: `${w.reference} ${w.title}`.slice(0, 40) })),
                { x: 'customers', y: 'label', xLabel: t('colCustomers'), width },
              )
            }
          />
          <DataTable
            t={t}
            rows={d}
            rowKey={(w) => w.reference}
            columns={[
              { header: 'colReference', cell: (w) => w.reference },
              { header: 'colTitle', cell: (w) => w.title },
              { header: 'colWorkaround', cell: (w) => w.workaround },
              { header: 'colCustomers', cell: (w) => w.customers, num: true },
              { header: 'colOpen', cell: (w) => w.incidents, num: true },
            ]}
          />
        </>
      )}
    </InsightView>
  );
}

export const workaroundsPage: ConsolePage = {
  id: 'workarounds',
  title: 'pageWorkarounds',
  filtered: true,
  visible: () => true,
  Component: Workarounds,
};
