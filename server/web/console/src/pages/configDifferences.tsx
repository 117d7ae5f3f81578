import { useState } from 'preact/hooks';
import { sharesChart } from '../charts/shares.js';
import { Chart } from '../components/Chart.js';
import { DataTable } from '../components/DataTable.js';
import { InsightView } from '../components/InsightView.js';
import { useInsight } from '../components/useInsight.js';
import { pct } from '../format.js';
import type { ConsolePage, PageProps } from './page.js';

function Result({ api, t, onError, reference }: PageProps & { reference: string }) {
  const loaded = useInsight(() => api.insights.configDifferences.query({ ref: reference }), reference, onError);
  return (
    <InsightView t={t} loaded={loaded} empty={(d) => d.length === 0} csvName={`configuration-differences-${reference}`} csvRows={(d) => d}>
      {(d) => (
        <>
          <Chart label={t('configChart')} data={d} draw={(width) => sharesChart(d, { width, xLabel: '%' })} />
          <DataTable
            t={t}
            rows={d}
            rowKey={(r) => `${r.key}=${r.value}`}
            columns={[
              { header: 'colKeyValue', cell: (r) => `${r.key}: ${r.value}` },
              { header: 'colShare', cell: (r) => pct(r.share), num: true },
              { header: 'colBaseline', cell: (r) => pct(r.baselineShare), num: true },
            ]}
          />
        </>
      )}
    </InsightView>
  );
}

function ConfigDifferences(props: PageProps) {
  const { t } = props;
  const [draft, setDraft] = useState('');
  const [reference, setReference] = useState('');
  return (
    <>
      <p>{t('configIntro')}</p>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          setReference(draft.trim());
        }}
      >
        <label>
          {t('configRefLabel')}
          <input name="ref" value={draft} required placeholder="INC-1042" onInput={(e) => setDraft(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('configShow')}</button>
      </form>
      {reference && <Result {...props} reference={reference} />}
    </>
  );
}

export const configDifferencesPage: ConsolePage = {
  id: 'config',
  title: 'pageConfig',
  filtered: false,
  visible: () => true,
  Component: ConfigDifferences,
};
