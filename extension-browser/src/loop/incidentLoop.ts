import type { Incident, TimelineEntry, UserRef } from '@handoff/shared';

/** A reproduction attempt as recorded on the timeline (by the agent or a developer). */
export interface Reproduction {
  at: string;
  actor: UserRef;
  reproduced: boolean;
  notes: string;
  environment: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `{ os: 'Windows', browser: 'Edge' }` → "os=Windows, browser=Edge"; anything else from the server is ignored. */
export function environmentText(env: unknown): string {
  if (!env || typeof env !== 'object') return '';
  return Object.entries(env as Record<string, unknown>)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

function latest(timeline: TimelineEntry[], kind: TimelineEntry['kind']): TimelineEntry | null {
  let found: TimelineEntry | null = null;
  for (const e of timeline) if (e.kind === kind && (!found || e.id > found.id)) found = e;
  return found;
}

/** The developer's open question: the latest question, if no answer came after it. */
export function openQuestion(incident: Pick<Incident, 'status' | 'timeline'>): TimelineEntry | null {
  if (incident.status !== 'needs_info') return null;
  const q = latest(incident.timeline, 'question');
  const a = latest(incident.timeline, 'answer');
  return q && (!a || a.id < q.id) ? q : null;
}

/** Every reproduction attempt, oldest first. */
export function reproductions(timeline: TimelineEntry[]): Reproduction[] {
  return timeline
    .filter((e) => e.kind === 'reproduction')
    .sort((a, b) => a.id - b.id)
    .map((e) => ({
      at: e.at,
      actor: e.actor,
      reproduced: e.data.result === 'reproduced',
      notes: str(e.data.notes),
      environment: environmentText(e.data.environment),
    }));
}

/**
 * A "could not reproduce" that sent the incident back to L1 and is still unanswered: its notes (or the
 * reason given when it was set to not_reproducible) say what the agent has to find out.
 */
export function sentBack(incident: Pick<Incident, 'status' | 'timeline'>): Reproduction | null {
  if (incident.status !== 'needs_info' && incident.status !== 'not_reproducible') return null;
  const last = [...incident.timeline]
    .filter((e) => e.kind === 'reproduction' || e.kind === 'answer' || (e.kind === 'status_changed' && e.data.to === 'not_reproducible'))
    .sort((a, b) => b.id - a.id)[0];
  if (!last || last.kind === 'answer') return null;
  if (last.kind === 'status_changed') {
    const reason = str(last.data.reason);
    return reason ? { at: last.at, actor: last.actor, reproduced: false, notes: reason, environment: '' } : null;
  }
  return last.data.result === 'not_reproduced' ? reproductions([last])[0]! : null;
}

/** The release that shipped this incident's fix, once it has shipped. */
export function shippedIn(timeline: TimelineEntry[]): { version: string; at: string } | null {
  const e = latest(timeline, 'released');
  if (!e) return null;
  const version = str(e.data.version) || /Release (\S+)/.exec(e.text)?.[1] || '';
  return { version, at: e.at };
}

/** Timeline entries that hand the incident from one person or side to another, oldest first. */
const HAND_OVERS = new Set<TimelineEntry['kind']>([
  'created',
  'assigned',
  'status_changed',
  'question',
  'answer',
  'reproduction',
  'verified',
  'released',
  'comment',
  'customer_comment',
  'evaluation',
]);
export function handOvers(timeline: TimelineEntry[]): TimelineEntry[] {
  return timeline.filter((e) => HAND_OVERS.has(e.kind)).sort((a, b) => a.id - b.id);
}
