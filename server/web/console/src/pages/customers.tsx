import { horizontalBars } from '../charts/bars.js';
import { Chart } from '../components/Chart.js';
import { DataTable } from '../components/DataTable.js';
import { InsightView } from '../components/InsightView.js';
import { useInsight } from '../components/useInsight.js';
import { pct } from '../format.js';
import type { ConsolePage, PageProps } from './page.js';

function Customers({ api, t, filter, onError }: PageProps) {
  const loaded = useInsight(() => api.insights.customers.query(filter), JSON.stringify(filter), onError);
  return (
    <InsightView
      t={t}
      intro="customersIntro"
      loaded={loaded}
      empty={(d) => d.length === 0}
      csvName="customers"
      csvRows={(d) =>
        d.map((c) => ({
          org: c.org,
          incidents: c.incidents,
          repeatRate: c.repeatRate,
          categories: c.categories.map((x) => `${x.category}:${x.incidents}`).join(' '),
        }))
      }
    >
      {(d) => (
        <>
          <Chart
            label={t('pageCustomers')}
            data={d}
            draw={(width) =>
              horizontalBars(
                d.flatMap((c) => c.categories.map((x) => ({ org: c.org, category: x.category, incidents: x.incidents }))),
                { x: 'incidents', y: 'org', fill: 'category', xLabel: t('colIncidents'), width },
              )
            }
          />
          <DataTable
            t={t}
            rows={d}
            rowKey={(c) => c.org}
            columns={[
              { header: 'colOrg', cell: (c) => c.org },
              { header: 'colIncidents', cell: (c) => c.incidents, num: true },
              { header: 'colCategories', cell: (c) => c.categories.map((x) => `${x.category} (${x.incidents})`).join(', ') },
              { header: 'colRepeatRate', cell: (c) => pct(c.repeatRate), num: true },
            ]}
          />
        </>
      )}
    </InsightView>
  );
}

export const customersPage: ConsolePage = {
  id: 'customers',
  title: 'pageCustomers',
  filtered: true,
  visible: () => true,
  Component: Customers,
};
