import type { IncidentOutline } from '@handoff/shared';
import { useT } from './i18nContext';

/** Another team's incident: whose it is (team and owner), and that the panel shows only its summary. */
export function Whose(props: { incident: Pick<IncidentOutline, 'team' | 'owner'> }) {
  const t = useT();
  const { team, owner } = props.incident;
  const name = owner ? owner.name : t('unassigned');
  return (
    <p class="whose" data-team={team ?? ''}>
      {team ? t('whoseIncident', team, name) : t('whoseUnrouted', name)}
    </p>
  );
}
