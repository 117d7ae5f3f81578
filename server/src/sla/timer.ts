import type { SlaState, SlaTargetKind } from '@handoff/shared';

/** What a calendar offers a timer: business time forward from an instant, and between two. */
export interface BusinessTime {
  add(start: number, ms: number): number;
  between(a: number, b: number): number;
}

/**
 * One promise on one incident, as stored (times in epoch ms). The clock counts business time:
 * `consumedMs` was used up before the current run, which began at `runningSince` (null while
 * paused or met). Due and warning instants are derived and stored so the scheduler needs no
 * calendar to find what is due.
 */
export interface Timer {
  kind: SlaTargetKind;
  policyId: string;
  targetMs: number;
  warnMs: number;
  consumedMs: number;
  runningSince: number | null;
  dueAt: number | null;
  warnAt: number | null;
  warnedAt: number | null;
  breachedAt: number | null;
  metAt: number | null;
}

/** A new timer for `kind`, running from `now`. */
export function startTimer(
  cal: BusinessTime,
  kind: SlaTargetKind,
  policyId: string,
  targetMs: number,
  warnShare: number,
  now: number,
): Timer {
  const t: Timer = {
    kind,
    policyId,
    targetMs,
    warnMs: Math.round(targetMs * warnShare),
    consumedMs: 0,
    runningSince: null,
    dueAt: null,
    warnAt: null,
    warnedAt: null,
    breachedAt: null,
    metAt: null,
  };
  return resume(cal, t, now);
}

/** Stops the clock (the incident waits on the customer): what was used is kept. */
export function pause(cal: BusinessTime, t: Timer, now: number): Timer {
  if (t.runningSince === null) return t;
  return { ...t, consumedMs: t.consumedMs + cal.between(t.runningSince, now), runningSince: null, dueAt: null, warnAt: null };
}

/** Restarts the clock with what is left; due and warning instants follow the calendar. */
export function resume(cal: BusinessTime, t: Timer, now: number): Timer {
  if (t.runningSince !== null || t.metAt !== null) return t;
  const dueAt = cal.add(now, Math.max(0, t.targetMs - t.consumedMs));
  const warnAt = t.warnedAt === null && t.consumedMs < t.warnMs ? cal.add(now, t.warnMs - t.consumedMs) : null;
  return { ...t, runningSince: now, dueAt, warnAt };
}

/** The promise was kept (or no longer applies): the clock stops for good unless reopened. */
export function meet(cal: BusinessTime, t: Timer, now: number): Timer {
  if (t.metAt !== null) return t;
  return { ...pause(cal, t, now), metAt: now };
}

/** Reopened: a met timer runs again with the time it had left. */
export function reopen(cal: BusinessTime, t: Timer, now: number): Timer {
  if (t.metAt === null) return t;
  return resume(cal, { ...t, metAt: null }, now);
}

/** A fresh period of the same promise (the next update after one was posted): warned and breached once per period. */
export function restart(cal: BusinessTime, t: Timer, now: number, paused: boolean): Timer {
  const fresh: Timer = {
    ...t,
    consumedMs: 0,
    runningSince: null,
    dueAt: null,
    warnAt: null,
    warnedAt: null,
    breachedAt: null,
    metAt: null,
  };
  return paused ? fresh : resume(cal, fresh, now);
}

/**
 * A changed policy: the new target and warning share apply to the time already used (a warning
 * or breach already raised stays raised).
 */
export function retarget(cal: BusinessTime, t: Timer, policyId: string, targetMs: number, warnShare: number, now: number): Timer {
  const running = t.runningSince !== null;
  const stopped = pause(cal, t, now);
  const next = { ...stopped, policyId, targetMs, warnMs: Math.round(targetMs * warnShare) };
  return running ? resume(cal, next, now) : next;
}

/** When the scheduler must next look at it: the warning if not yet raised, else the breach. */
export function nextFireAt(t: Timer): number | null {
  if (t.metAt !== null) return null;
  const candidates = [t.warnedAt === null ? t.warnAt : null, t.breachedAt === null ? t.dueAt : null].filter((x): x is number => x !== null);
  return candidates.length ? Math.min(...candidates) : null;
}

/** The state a client shows. */
export function stateOf(t: Timer): SlaState {
  if (t.metAt !== null) return 'met';
  if (t.breachedAt !== null) return 'breached';
  if (t.runningSince === null) return 'paused';
  if (t.warnedAt !== null) return 'warning';
  return 'running';
}
