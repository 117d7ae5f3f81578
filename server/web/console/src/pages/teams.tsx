import { can } from '@handoff/shared';
import { TeamForm } from '../components/admin/TeamForm.js';
import { Table } from '../components/admin/Table.js';
import { useReloadable } from '../components/admin/useReloadable.js';
import { Status } from '../components/Status.js';
import type { ConsolePage, PageProps } from './page.js';

/** Teams: create (admins), rename and set the tier (admins, and leads of the team). */
function Teams({ api, t, user, onError }: PageProps) {
  const [teams, reload] = useReloadable(() => api.teams.list.query(), 'teams', onError);
  return (
    <>
      <p>{t('teamsIntro')}</p>
      <Status t={t} loaded={teams} empty={() => false}>
        {(list) => (
          <>
            <Table
              label={t('pageTeams')}
              rows={list}
              keyOf={(team) => team.id}
              columns={[
                { label: t('colTeamId'), cell: (team) => team.id },
                { label: t('colTeamName'), cell: (team) => team.name },
                { label: t('colTier'), cell: (team) => team.tier ?? 1, num: true },
                {
                  label: '',
                  cell: (team) =>
                    can(user, 'team.rename', team.id) && <TeamForm api={api} t={t} team={team} onError={onError} onSaved={reload} />,
                },
              ]}
            />
            {can(user, 'team.create') && (
              <>
                <h2>{t('createTeam')}</h2>
                <TeamForm api={api} t={t} team={null} onError={onError} onSaved={reload} />
              </>
            )}
          </>
        )}
      </Status>
    </>
  );
}

export const teamsPage: ConsolePage = {
  id: 'teams',
  title: 'pageTeams',
  admin: true,
  filtered: false,
  visible: (user) => can(user, 'team.rename'),
  Component: Teams,
};
