import { can } from '@handoff/shared';
import { AccountRow } from '../components/admin/AccountRow.js';
import { AddUserForm } from '../components/admin/AddUserForm.js';
import { useReloadable } from '../components/admin/useReloadable.js';
import { Status } from '../components/Status.js';
import type { ConsolePage, PageProps } from './page.js';

/** Staff accounts (admins): add, change role and teams, deactivate and reactivate. */
function Users({ api, t, onError }: PageProps) {
  const [accounts, reload] = useReloadable(() => api.users.accounts.query(), 'accounts', onError);
  return (
    <>
      <p>{t('usersIntro')}</p>
      <Status t={t} loaded={accounts} empty={() => false}>
        {(list) => (
          <table aria-label={t('pageUsers')}>
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colRole')}</th>
                <th scope="col">{t('colTeams')}</th>
                <th scope="col">{t('colState')}</th>
                <th scope="col">{t('colTokens')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <AccountRow
                  key={`${a.id}:${a.role}:${a.teams.join()}:${a.active}`}
                  api={api}
                  t={t}
                  account={a}
                  onError={onError}
                  onSaved={reload}
                />
              ))}
            </tbody>
          </table>
        )}
      </Status>
      <h2>{t('addUser')}</h2>
      <AddUserForm api={api} t={t} onError={onError} onSaved={reload} />
    </>
  );
}

export const usersPage: ConsolePage = {
  id: 'users',
  title: 'pageUsers',
  admin: true,
  filtered: false,
  visible: (user) => can(user, 'user.manage'),
  Component: Users,
};
