import { CsvButton } from '../components/CsvButton.js';
import { Status } from '../components/Status.js';
import { useInsight } from '../components/useInsight.js';
import type { ConsolePage, PageProps } from './page.js';

function UpgradeWarnings({ api, t, filter, onError }: PageProps) {
  const loaded = useInsight(() => api.insights.upgradeWarnings.query(filter), JSON.stringify(filter), onError);
  return (
    <>
      <p>{t('upgradesIntro')}</p>
      <Status t={t} loaded={loaded} empty={() => false}>
        {(d) =>
          d.length === 0 ? (
            <p class="empty">{t('noWarnings')}</p>
          ) : (
            <>
              <CsvButton
                t={t}
                name="upgrade-warnings"
                rows={() => d.map((w) => ({ ...w, groups: w.groups.map((g) => `${g.reference} (${g.incidents}) ${g.title}`).join(' | ') }))}
              />
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('product')}</th>
                    <th scope="col">{t('version')}</th>
                    <th scope="col">{t('colPrevious')}</th>
                    <th scope="col">{t('colRate')}</th>
                    <th scope="col">{t('colGroups')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.map((w) => (
                    <tr key={`${w.product}@${w.version}`}>
                      <td>{w.product}</td>
                      <td>{w.version}</td>
                      <td>{w.previousVersion}</td>
                      <td class="num">
                        {w.rate} / {w.previousRate}
                      </td>
                      <td>
                        <ul>
                          {w.groups.map((g) => (
                            <li key={g.reference}>
                              {g.reference} ({g.incidents}): {g.title}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )
        }
      </Status>
    </>
  );
}

export const upgradeWarningsPage: ConsolePage = {
  id: 'upgrades',
  title: 'pageUpgrades',
  filtered: true,
  visible: () => true,
  Component: UpgradeWarnings,
};
