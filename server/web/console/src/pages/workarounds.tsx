import { horizontalBars } from '../charts/bars.js';
import { Chart } from '../components/Chart.js';
import { CsvButton } from '../components/CsvButton.js';
import { Status } from '../components/Status.js';
import { useInsight } from '../components/useInsight.js';
import type { ConsolePage, PageProps } from './page.js';

function Workarounds({ api, t, filter, onError }: PageProps) {
  const loaded = useInsight(() => api.insights.workarounds.query(filter), JSON.stringify(filter), onError);
  return (
    <>
      <p>{t('workaroundsIntro')}</p>
      <Status t={t} loaded={loaded} empty={(d) => d.length === 0}>
        {(d) => (
          <>
            <CsvButton t={t} name="workarounds" rows={() => d} />
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
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('colReference')}</th>
                  <th scope="col">{t('colTitle')}</th>
                  <th scope="col">{t('colWorkaround')}</th>
                  <th scope="col">{t('colCustomers')}</th>
                  <th scope="col">{t('colOpen')}</th>
                </tr>
              </thead>
              <tbody>
                {d.map((w) => (
                  <tr key={w.reference}>
                    <td>{w.reference}</td>
                    <td>{w.title}</td>
                    <td>{w.workaround}</td>
                    <td class="num">{w.customers}</td>
                    <td class="num">{w.incidents}</td>
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

export const workaroundsPage: ConsolePage = {
  id: 'workarounds',
  title: 'pageWorkarounds',
  filtered: true,
  visible: () => true,
  Component: Workarounds,
};
