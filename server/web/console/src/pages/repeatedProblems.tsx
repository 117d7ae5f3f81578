import { horizontalBars } from '../charts/bars.js';
import { Chart } from '../components/Chart.js';
import { CsvButton } from '../components/CsvButton.js';
import { Status } from '../components/Status.js';
import { useInsight } from '../components/useInsight.js';
import type { ConsolePage, PageProps } from './page.js';

function RepeatedProblems({ api, t, filter, onError }: PageProps) {
  const loaded = useInsight(() => api.insights.repeatedProblems.query(filter), JSON.stringify(filter), onError);
  return (
    <>
      <p>{t('repeatedIntro')}</p>
      <Status t={t} loaded={loaded} empty={(d) => d.groups.length === 0 && d.suggestions.length === 0}>
        {(d) => (
          <>
            <CsvButton t={t} name="repeated-problems" rows={() => d.groups} />
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
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('colReference')}</th>
                  <th scope="col">{t('colTitle')}</th>
                  <th scope="col">{t('colIncidents')}</th>
                  <th scope="col">{t('colCustomers')}</th>
                  <th scope="col">{t('colTrend')}</th>
                  <th scope="col">{t('colWorkaround')}</th>
                </tr>
              </thead>
              <tbody>
                {d.groups.map((g) => (
                  <tr key={g.reference}>
                    <td>{g.reference}</td>
                    <td>{g.title}</td>
                    <td class="num">{g.incidents}</td>
                    <td class="num">{g.customersAffected}</td>
                    <td class="num">
                      {g.recent} / {g.previous} {g.recent > g.previous ? '↑' : g.recent < g.previous ? '↓' : '→'}
                    </td>
                    <td class="num">{g.withWorkaround}</td>
                  </tr>
                ))}
              </tbody>
            </table>
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
      </Status>
    </>
  );
}

export const repeatedProblemsPage: ConsolePage = {
  id: 'repeated',
  title: 'pageRepeated',
  filtered: true,
  visible: () => true,
  Component: RepeatedProblems,
};
