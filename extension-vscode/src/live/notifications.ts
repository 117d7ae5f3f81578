import type { IncidentEvent, User } from '@handoff/shared';

export type Notice =
  | { kind: 'assignedToMe'; reference: string; title: string; actor: string }
  | { kind: 'assignedToTeam'; reference: string; title: string; team: string }
  | { kind: 'answered'; reference: string; title: string; actor: string };

/**
 * Which live events deserve a notification for `me`: an incident assigned to me or (unowned) to
 * one of my teams, and L1's answer on an incident I own. My own actions never notify me.
 */
export function noticeFor(event: IncidentEvent, me: User): Notice | null {
  if (event.actor.id === me.id) return null;
  const base = { reference: event.reference, title: event.title };
  if (event.kind === 'assigned' || event.kind === 'created') {
    if (event.owner?.id === me.id) return { kind: 'assignedToMe', ...base, actor: event.actor.name };
    if (!event.owner && event.team && me.teams.includes(event.team)) return { kind: 'assignedToTeam', ...base, team: event.team };
    return null;
  }
  if (event.kind === 'answer' && event.owner?.id === me.id) return { kind: 'answered', ...base, actor: event.actor.name };
  return null;
}
