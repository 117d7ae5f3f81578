import { describe, expect, it } from 'vitest';
import { meet, nextFireAt, pause, reopen, restart, resume, retarget, startTimer, stateOf } from './timer.js';

const MIN = 60_000;
/** 24/7: business time is elapsed time (calendars have their own tests). */
const always = { add: (s: number, ms: number) => s + ms, between: (a: number, b: number) => Math.max(0, b - a) };

describe('service-level timer', () => {
  const start = () => startTimer(always, 'resolution', 'p', 60 * MIN, 0.8, 0);

  it('is due after the target and warns at the share of it', () => {
    const t = start();
    expect([t.warnAt, t.dueAt, nextFireAt(t), stateOf(t)]).toEqual([48 * MIN, 60 * MIN, 48 * MIN, 'running']);
    expect(nextFireAt({ ...t, warnedAt: 48 * MIN })).toBe(60 * MIN);
  });

  it('pauses while waiting on the customer and resumes with the time left', () => {
    const paused = pause(always, start(), 30 * MIN);
    expect([paused.consumedMs, paused.dueAt, nextFireAt(paused), stateOf(paused)]).toEqual([30 * MIN, null, null, 'paused']);
    const resumed = resume(always, paused, 100 * MIN);
    expect([resumed.warnAt, resumed.dueAt]).toEqual([118 * MIN, 130 * MIN]);
  });

  it('does not warn again after resuming past the warning share', () => {
    const resumed = resume(always, pause(always, { ...start(), warnedAt: 48 * MIN }, 50 * MIN), 70 * MIN);
    expect([resumed.warnAt, resumed.dueAt, nextFireAt(resumed), stateOf(resumed)]).toEqual([null, 80 * MIN, 80 * MIN, 'warning']);
  });

  it('stops for good when met, and runs on with the time left when reopened', () => {
    const met = meet(always, start(), 20 * MIN);
    expect([met.metAt, nextFireAt(met), stateOf(met)]).toEqual([20 * MIN, null, 'met']);
    expect(reopen(always, met, 100 * MIN).dueAt).toBe(140 * MIN);
  });

  it('starts a fresh period for the next update, warned and breached once per period', () => {
    const breached = { ...start(), warnedAt: 48 * MIN, breachedAt: 60 * MIN };
    const next = restart(always, breached, 90 * MIN, false);
    expect([next.warnedAt, next.breachedAt, next.warnAt, next.dueAt]).toEqual([null, null, 138 * MIN, 150 * MIN]);
  });

  it('applies a changed target to the time already used', () => {
    const t = retarget(always, start(), 'p2', 30 * MIN, 0.5, 20 * MIN);
    expect([t.policyId, t.consumedMs, t.warnAt, t.dueAt]).toEqual(['p2', 20 * MIN, null, 30 * MIN]);
    expect(retarget(always, start(), 'p2', 120 * MIN, 0.8, 20 * MIN).dueAt).toBe(120 * MIN);
  });
});
