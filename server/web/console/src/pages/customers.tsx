import { horizontalBars } from '../charts/bars.js';
import { Chart } from '../components/Chart.js';
import { CsvButton } from '../components/CsvButton.js';
import { Status } from '../components/Status.js';
import { useInsight } from '../components/useInsight.js';
import type { ConsolePage, PageProps } from './page.js';

const pct = (n: number) => `${Math.round(n * 100)} %`;

function Customers({ api, t, filter, onError }: PageProps) {
  const loaded = useInsight(() => api.insights.customers.query(filter), JSON.stringify(filter), onError);
  return (
    <>
      <p>{t('customersIntro')}</p>
      <Status t={t} loaded={loaded} empty={(d) => d.length === 0}>
        {(d) => (
          <>
            <CsvButton
              t={t}
              name="customers"
              rows={() =>
                d.map((c) => ({
                  org: c.org,
                  incidents: c.incidents,
                  repeatRate: c.repeatRate,
                  categories: c.categories.map((x) => `${x.category}:${x.incidents}`).join(' '),
                }))
              }
            />
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
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('colOrg')}</th>
                  <th scope="col">{t('colIncidents')}</th>
                  <th scope="col">{t('colCategories')}</th>
                  <th scope="col">{t('colRepeatRate')}</th>
                </tr>
              </thead>
              <tbody>
                {d.map((c) => (
                  <tr key={c.org}>
                    <td>{c.org}</td>
                    <td class="num">{c.incidents}</td>
                    <td>{c.categories.map((x) => `${x.category} (${x.incidents})`).join(', ')}</td>
                    <td class="num">{pct(c.repeatRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Status>
    </>
  );
}

export const customersPage: ConsolePage = {
  id: 'customers',
  title: 'pageCustomers',
  filtered: true,
  visible: () => true,
  Component: Customers,
};
