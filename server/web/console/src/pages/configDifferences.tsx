import { useState } from 'preact/hooks';
import { sharesChart } from '../charts/shares.js';
import { Chart } from '../components/Chart.js';
import { CsvButton } from '../components/CsvButton.js';
import { Status } from '../components/Status.js';
import { useInsight } from '../components/useInsight.js';
import type { ConsolePage, PageProps } from './page.js';

const pct = (n: number) => `${Math.round(n * 100)} %`;

function Result({ api, t, onError, reference }: PageProps & { reference: string }) {
  const loaded = useInsight(() => api.insights.configDifferences.query({ ref: reference }), reference, onError);
  return (
    <Status t={t} loaded={loaded} empty={(d) => d.length === 0}>
      {(d) => (
        <>
          <CsvButton t={t} name={`configuration-differences-${reference}`} rows={() => d} />
          <Chart label={t('configChart')} data={d} draw={(width) => sharesChart(d, { width, xLabel: '%' })} />
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colKeyValue')}</th>
                <th scope="col">{t('colShare')}</th>
                <th scope="col">{t('colBaseline')}</th>
              </tr>
            </thead>
            <tbody>
              {d.map((r) => (
                <tr key={`${r.key}=${r.value}`}>
                  <td>
                    {r.key}: {r.value}
                  </td>
                  <td class="num">{pct(r.share)}</td>
                  <td class="num">{pct(r.baselineShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Status>
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
