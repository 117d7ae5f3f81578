import { can, type CrmMapping, type Me } from '@handoff/shared';
import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api/client';
import { loadTeamMappings } from '../api/teamMappings';
import type { SiteMapping } from '../crm/read/taught';
import { useT } from './i18nContext';

/** The teams a person may share taught sites with (leads: their own teams; admins: any of theirs). */
export const shareableTeams = (me: Me | undefined): string[] =>
  me ? me.teams.filter((team) => can(me, 'crmMapping.manage', team, me)) : [];

/** A lead's "Share with my team" for one taught site: the whole mapping replaces the team's for that site. */
export function ShareSite(props: { api: Api; me: Me | undefined; origin: string; mapping: SiteMapping; onShared: () => void }) {
  const t = useT();
  const teams = shareableTeams(props.me);
  const [team, setTeam] = useState(teams[0] ?? '');
  const [note, setNote] = useState('');
  if (!teams.length) return null;
  const share = async () => {
    try {
      await props.api.crm.mappings.upsert.mutate({ team: team || teams[0]!, origin: props.origin, fields: props.mapping });
      setNote(t('sharedWithTeam', team || teams[0]!));
      props.onShared();
    } catch (e) {
      setNote(t('shareMappingFailed', e instanceof Error ? e.message : String(e)));
    }
  };
  return (
    <span class="share-site">
      {teams.length > 1 && (
        <select aria-label={t('shareTeam')} value={team} onChange={(e) => setTeam(e.currentTarget.value)}>
          {teams.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
      )}
      <button type="button" class="share-with-team" onClick={() => void share()}>
        {t('shareWithTeam')}
      </button>
      {note && (
        <span class="share-result" role="status">
          {' '}
          {note}
        </span>
      )}
    </span>
  );
}

/** The options' list of the team's shared sites, with the rule that decides between them and one's own. */
export function TeamMappings(props: { api: Api | null; me: Me | undefined; version: number }) {
  const t = useT();
  const [list, setList] = useState<CrmMapping[] | null>(null);
  const [n, setN] = useState(0);
  useEffect(() => void loadTeamMappings(props.api).then((r) => setList(r.list)), [props.api, props.version, n]);
  const withdraw = async (m: CrmMapping) => {
    await props.api?.crm.mappings.delete.mutate({ team: m.team, origin: m.origin });
    setN((x) => x + 1);
  };
  return (
    <section class="team-mappings">
      <h2>{t('teamMappings')}</h2>
      <p class="team-mappings-rule">{t('teamMappingsRule')}</p>
      {list !== null && list.length === 0 && <p class="empty">{t('teamMappingsNone')}</p>}
      <ul>
        {(list ?? []).map((m) => (
          <li key={`${m.team} ${m.origin}`} data-origin={m.origin} data-team={m.team}>
            <strong>{m.origin}</strong> · {t('teamMappingBy', m.team, m.updatedBy.name)}
            <span class="team-fields">
              {' '}
              (
              {Object.keys(m.fields)
                .map((f) => t(`field_${f}`))
                .join(', ')}
              )
            </span>{' '}
            {props.api && shareableTeams(props.me).includes(m.team) && (
              <button type="button" class="withdraw-mapping" onClick={() => void withdraw(m)}>
                {t('withdrawMapping')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
