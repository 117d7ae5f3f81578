import type { DurationStats } from '@handoff/shared';
import { horizontalBars } from '../charts/bars.js';
import { perWeekChart } from '../charts/perWeek.js';
import { Chart } from '../components/Chart.js';
import { CsvButton } from '../components/CsvButton.js';
import { Status } from '../components/Status.js';
import { useInsight } from '../components/useInsight.js';
import type { MessageKey } from '../i18n.js';
import type { ConsolePage, PageProps } from './page.js';

const stats = (s: DurationStats) => (s.count ? `${s.medianHours} / ${s.p90Hours}` : '–');
const BY: Record<'category' | 'component' | 'team', MessageKey> = { category: 'byCategory', component: 'byComponent', team: 'byTeam' };

function Volume({ api, t, filter, onError }: PageProps) {
  const loaded = useInsight(() => api.insights.volume.query(filter), JSON.stringify(filter), onError);
  return (
    <>
      <p>{t('volumeIntro')}</p>
      <Status t={t} loaded={loaded} empty={(d) => d.perWeek.length === 0}>
        {(d) => (
          <>
            <CsvButton
              t={t}
              name="volume-and-time"
              rows={() => [
                ...d.perWeek.map((w) => ({ table: 'perWeek', week: w.week, key: w.category, incidents: w.incidents })),
                ...d.durations.map((r) => ({
                  table: 'durations',
                  by: r.by,
                  key: r.key,
                  firstResponseMedianHours: r.firstResponse.medianHours,
                  firstResponseP90Hours: r.firstResponse.p90Hours,
                  fixMedianHours: r.fix.medianHours,
                  fixP90Hours: r.fix.p90Hours,
                  closeMedianHours: r.close.medianHours,
                  closeP90Hours: r.close.p90Hours,
                })),
                ...d.waiting.map((w) => ({ table: 'waiting', key: w.status, totalHours: w.totalHours, medianHours: w.medianHours })),
              ]}
            />
            <h3>{t('perWeekChart')}</h3>
            <Chart label={t('perWeekChart')} data={d} draw={(width) => perWeekChart(d.perWeek, { width, yLabel: t('colIncidents') })} />
            <h3>{t('durationsTitle')}</h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('colBy')}</th>
                  <th scope="col">{t('colKey')}</th>
                  <th scope="col">{t('colFirstResponse')}</th>
                  <th scope="col">{t('colFix')}</th>
                  <th scope="col">{t('colClose')}</th>
                </tr>
              </thead>
              <tbody>
                {d.durations.map((r) => (
                  <tr key={`${r.by}:${r.key}`}>
                    <td>{t(BY[r.by])}</td>
                    <td>{r.key}</td>
                    <td class="num">{stats(r.firstResponse)}</td>
                    <td class="num">{stats(r.fix)}</td>
                    <td class="num">{stats(r.close)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>{t('waitingTitle')}</h3>
            <Chart
              label={t('waitingTitle')}
              data={d.waiting}
              draw={(width) => horizontalBars(d.waiting, { x: 'totalHours', y: 'status', xLabel: t('colTotalHours'), width })}
            />
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('colStatus')}</th>
                  <th scope="col">{t('colTotalHours')}</th>
                  <th scope="col">{t('colMedianHours')}</th>
                </tr>
              </thead>
              <tbody>
                {d.waiting.map((w) => (
                  <tr key={w.status}>
                    <td>{w.status}</td>
                    <td class="num">{w.totalHours}</td>
                    <td class="num">{w.medianHours}</td>
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

export const volumePage: ConsolePage = { id: 'volume', title: 'pageVolume', filtered: true, visible: () => true, Component: Volume };
