import type { Policy, SlaTargetKind, Status } from '@handoff/shared';
import { type BusinessTime, meet, pause, reopen, restart, resume, retarget, startTimer, type Timer } from './timer.js';

/** Statuses in which the incident counts as resolved: the resolution promise is met. */
export const RESOLVED_STATUSES: ReadonlySet<string> = new Set(['fixed', 'verified', 'closed', 'not_reproducible', 'duplicate', 'wont_fix']);

/**
 * What counts as a response to the customer's incident: a comment, a question, an assignment,
 * a status move, a reproduction attempt or a branch — written by someone other than the agent
 * who reported it (the team it was routed to, its lead, a developer). The first one meets the
 * first-response target; each one starts a new next-update period.
 */
export const RESPONSE_KINDS: ReadonlySet<string> = new Set(['comment', 'question', 'assigned', 'status_changed', 'reproduction', 'branch']);

export interface LifecycleChange {
  /** The incident was just created. */
  created: boolean;
  from: Status | null;
  to: Status;
  /** A response as defined by {@link RESPONSE_KINDS}. */
  response: boolean;
}

const MIN = 60_000;
const targetOf = (p: Policy, kind: SlaTargetKind): number | null =>
  kind === 'first_response'
    ? p.firstResponseMinutes * MIN
    : kind === 'resolution'
      ? p.resolutionMinutes * MIN
      : p.nextUpdateMinutes === null
        ? null
        : p.nextUpdateMinutes * MIN;

/**
 * The timers of an incident after a change, under the policy that applies to it now (null: no
 * promise, no timers). Pure: the caller loads and stores them.
 */
export function nextTimers(
  current: readonly Timer[],
  active: { policy: Policy; calendar: BusinessTime } | null,
  change: LifecycleChange,
  now: number,
): Timer[] {
  if (!active) return [];
  const { policy, calendar: cal } = active;
  const warn = policy.warnAtPercent / 100;
  const byKind = new Map<SlaTargetKind, Timer>();
  for (const t of current) {
    const target = targetOf(policy, t.kind);
    if (target === null) continue; // the policy no longer promises it
    const changed = t.policyId !== policy.id || t.targetMs !== target || t.warnMs !== Math.round(target * warn);
    byKind.set(t.kind, changed ? retarget(cal, t, policy.id, target, warn, now) : t);
  }
  for (const kind of ['first_response', 'resolution'] as const) {
    if (!byKind.has(kind)) byKind.set(kind, startTimer(cal, kind, policy.id, targetOf(policy, kind)!, warn, now));
  }
  if (change.response) {
    byKind.set('first_response', meet(cal, byKind.get('first_response')!, now));
    const nextUpdate = targetOf(policy, 'next_update');
    if (nextUpdate !== null) {
      const prev = byKind.get('next_update');
      byKind.set('next_update', prev ? restart(cal, prev, now, false) : startTimer(cal, 'next_update', policy.id, nextUpdate, warn, now));
    }
  }
  const resolved = RESOLVED_STATUSES.has(change.to);
  const reopened = change.from !== null && RESOLVED_STATUSES.has(change.from) && !resolved;
  const waiting = policy.pauseOnCustomer && change.to === 'needs_info';
  for (const [kind, t] of byKind) {
    let next = t;
    if (resolved) next = meet(cal, next, now);
    else if (reopened && kind === 'resolution') next = reopen(cal, next, now);
    if (!resolved) next = waiting ? pause(cal, next, now) : resume(cal, next, now);
    byKind.set(kind, next);
  }
  return [...byKind.values()];
}
