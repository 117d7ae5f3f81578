import { describe, expect, it } from 'vitest';
import { byUrgency, type IncidentSla, timeLeft, urgencyOf } from './slaTargets.js';

const NOW = Date.parse('2026-11-30T10:00:00Z');
const sla = (dueAt: string | null, state: 'running' | 'warning' | 'breached' | 'met' | 'paused' = 'running'): IncidentSla => ({
  policy: { id: 'p', name: 'P', customerFacing: true, calendar: 'always' },
  targets: [
    { kind: 'first_response', dueAt: null, state: 'met', metAt: '2026-11-30T09:00:00Z', remainingMs: null },
    { kind: 'resolution', dueAt, state, metAt: null, remainingMs: null },
  ],
});

describe('service-level urgency', () => {
  it('words time left and overdue in days, hours and minutes', () => {
    expect(timeLeft('2026-11-30T12:05:30Z', NOW)).toEqual({ overdue: false, days: 0, hours: 2, minutes: 5 });
    expect(timeLeft('2026-11-28T09:00:00Z', NOW)).toEqual({ overdue: true, days: 2, hours: 1, minutes: 0 });
  });
  it('takes the next open target, breached once its due time passed', () => {
    expect(urgencyOf(sla('2026-11-30T11:00:00Z'), NOW)?.level).toBe('ok');
    expect(urgencyOf(sla('2026-11-30T11:00:00Z', 'warning'), NOW)?.level).toBe('warning');
    expect(urgencyOf(sla('2026-11-30T09:59:00Z'), NOW)?.level).toBe('breached');
    expect(urgencyOf(sla(null, 'paused'), NOW)).toBeNull();
  });
  it('sorts the earliest due first and incidents without a promise last', () => {
    const items = [
      { ref: 'none', sla: null, updatedAt: '2026-11-30T09:59:00Z' },
      { ref: 'later', sla: sla('2026-11-30T15:00:00Z'), updatedAt: '2026-11-30T08:00:00Z' },
      { ref: 'sooner', sla: sla('2026-11-30T11:00:00Z'), updatedAt: '2026-11-30T07:00:00Z' },
    ];
    expect(items.sort(byUrgency).map((i) => i.ref)).toEqual(['sooner', 'later', 'none']);
  });
});
