import type { DurationStats } from '@handoff/shared';
import { horizontalBars } from '../charts/bars.js';
import { perWeekChart } from '../charts/perWeek.js';
import { Chart } from '../components/Chart.js';
import { DataTable } from '../components/DataTable.js';
import { InsightView } from '../components/InsightView.js';
import { useInsight } from '../components/useInsight.js';
import type { MessageKey } from '../i18n.js';
import type { ConsolePage, PageProps } from './page.js';

const stats = (s: DurationStats) => (s.count ? `${s.medianHours} / ${s.p90Hours}` : '–');
const BY: Record<'category' | 'component' | 'team', MessageKey> = { category: 'byCategory', component: 'byComponent', team: 'byTeam' };

function Volume({ api, t, filter, onError }: PageProps) {
  const loaded = useInsight(() => api.insights.volume.query(filter), JSON.stringify(filter), onError);
  return (
    <InsightView
      t={t}
      intro="volumeIntro"
      loaded={loaded}
      empty={(d) => d.perWeek.length === 0}
      csvName="volume-and-time"
      csvRows={(d) => [
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
    >
      {(d) => (
        <>
          <h3>{t('perWeekChart')}</h3>
          <Chart label={t('perWeekChart')} data={d} draw={(width) => perWeekChart(d.perWeek, { width, yLabel: t('colIncidents') })} />
          <h3>{t('durationsTitle')}</h3>
          <DataTable
            t={t}
            rows={d.durations}
            rowKey={(r) => `${r.by}:${r.key}`}
            columns={[
              { header: 'colBy', cell: (r) => t(BY[r.by]) },
              { header: 'colKey', cell: (r) => r.key },
              { header: 'colFirstResponse', cell: (r) => stats(r.firstResponse), num: true },
              { header: 'colFix', cell: (r) => stats(r.fix), num: true },
              { header: 'colClose', cell: (r) => stats(r.close), num: true },
            ]}
          />
          <h3>{t('waitingTitle')}</h3>
          <Chart
            label={t('waitingTitle')}
            data={d.waiting}
            draw={(width) => horizontalBars(d.waiting, { x: 'totalHours', y: 'status', xLabel: t('colTotalHours'), width })}
          />
          <DataTable
            t={t}
            rows={d.waiting}
            rowKey={(w) => w.status}
            columns={[
              { header: 'colStatus', cell: (w) => w.status },
              { header: 'colTotalHours', cell: (w) => w.totalHours, num: true },
              { header: 'colMedianHours', cell: (w) => w.medianHours, num: true },
            ]}
          />
        </>
      )}
    </InsightView>
  );
}

export const volumePage: ConsolePage = { id: 'volume', title: 'pageVolume', filtered: true, visible: () => true, Component: Volume };
