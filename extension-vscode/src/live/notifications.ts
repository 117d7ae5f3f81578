import { type IncidentEvent, type SlaTargetKind, SlaTargetKindSchema, type User } from '@handoff/shared';

export type Notice =
  | { kind: 'assignedToMe'; reference: string; title: string; actor: string }
  | { kind: 'assignedToTeam'; reference: string; title: string; team: string }
  | { kind: 'answered'; reference: string; title: string; actor: string }
  | { kind: 'verified'; reference: string; title: string; actor: string }
  | { kind: 'closed'; reference: string; title: string; actor: string }
  | { kind: 'evaluated'; reference: string; title: string; rating: number; comment: string }
  | { kind: 'reopened'; reference: string; title: string; actor: string; reason: string }
  | { kind: 'slaWarning' | 'slaBreached'; reference: string; title: string; target: SlaTargetKind; dueAt: string };

/** "Status fixed → in_progress: still fails on iOS" → the reason, for a reopen after a fix. */
export function reopenReason(text: string): string | null {
  const m = /^Status (fixed|verified|closed) → in_progress(?::\s*([\s\S]*))?$/.exec(text.trim());
  return m ? (m[2] ?? '').trim() : null;
}

/**
 * Which live events deserve a notification for `me`: a service-level warning or breach the server
 * addressed to me; an incident assigned to me or (unowned) to
 * one of my teams; an incident I am involved in closed (the server names who: reporter, owner,
 * commenters); on an incident I own: L1's answer, the fix verified with the customer, or reopened because it still fails (with the reason); the customer's evaluation (also to
 * the team's leads). My own actions never notify me.
 * Only full events notify: a summary event (another team's incident) says neither who acted nor what.
 */
export function noticeFor(event: IncidentEvent, me: User): Notice | null {
  if (event.access !== 'full' || event.actor.id === me.id) return null;
  const base = { reference: event.reference, title: event.title };
  if (event.kind === 'sla_warning' || event.kind === 'sla_breached') {
    // The server names who must hear of it: the owner, the team's leads, the reporting agent.
    const { notify, target, dueAt } = event.data ?? {};
    const kind = SlaTargetKindSchema.safeParse(target);
    if (!Array.isArray(notify) || !notify.includes(me.id) || !kind.success || typeof dueAt !== 'string') return null;
    return { kind: event.kind === 'sla_warning' ? 'slaWarning' : 'slaBreached', ...base, target: kind.data, dueAt };
  }
  if (event.kind === 'assigned' || event.kind === 'created') {
    if (event.owner?.id === me.id) return { kind: 'assignedToMe', ...base, actor: event.actor.name };
    if (!event.owner && event.team && me.teams.includes(event.team)) return { kind: 'assignedToTeam', ...base, team: event.team };
    return null;
  }
  if (event.kind === 'evaluation') {
    // The customer's closing evaluation: for the owner and for the leads of the incident's team.
    const lead = me.role === 'lead' && event.team !== null && me.teams.includes(event.team);
    const { rating, comment } = event.data ?? {};
    if ((event.owner?.id !== me.id && !lead) || typeof rating !== 'number') return null;
    return { kind: 'evaluated', ...base, rating, comment: typeof comment === 'string' ? comment : '' };
  }
  if (event.kind === 'status_changed' && event.status === 'closed') {
    // Everyone involved hears of the close: the server names them (reporter, owner, commenters);
    // older servers did not, and then the owner is told.
    const { notify } = event.data ?? {};
    const told = Array.isArray(notify) ? notify.includes(me.id) : event.owner?.id === me.id;
    return told ? { kind: 'closed', ...base, actor: event.actor.name } : null;
  }
  if (event.owner?.id !== me.id) return null;
  const actor = event.actor.name;
  if (event.kind === 'answer') return { kind: 'answered', ...base, actor };
  if (event.kind === 'verified') return { kind: 'verified', ...base, actor };
  if (event.kind === 'status_changed' && event.status === 'in_progress') {
    // The event's data says where it came from; older servers only had the text.
    const { from, reason } = event.data ?? {};
    if (typeof from === 'string') {
      if (['fixed', 'verified', 'closed'].includes(from)) {
        return { kind: 'reopened', ...base, actor, reason: typeof reason === 'string' ? reason : '' };
      }
      return null;
    }
    const fromText = reopenReason(event.text);
    if (fromText !== null) return { kind: 'reopened', ...base, actor, reason: fromText };
  }
  return null;
}
