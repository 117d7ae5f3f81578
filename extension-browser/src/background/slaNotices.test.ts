import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { IncidentSummary } from '@handoff/shared';
import { slaChanges, syncSlaNotices } from './slaNotices';

const NOW = Date.parse('2026-11-30T10:00:00Z');
const inc = (reference: string, dueAt: string, state: 'running' | 'warning' | 'breached'): IncidentSummary => ({
  access: 'full',
  reference,
  title: `t ${reference}`,
  category: 'login',
  product: 'Shop',
  version: '',
  component: null,
  severity: 'high',
  status: 'new',
  team: null,
  owner: null,
  reporter: { id: 1, name: 'Alice' },
  workaround: null,
  affectedCustomers: 1,
  duplicateOf: null,
  fixedInVersion: null,
  createdAt: '2026-11-30T09:00:00Z',
  updatedAt: '2026-11-30T09:00:00Z',
  sla: {
    policy: { id: 'high', name: 'High', customerFacing: true, calendar: 'always' },
    targets: [{ kind: 'first_response', dueAt, state, metAt: null, remainingMs: null }],
  },
});

describe('service-level notifications in the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('notifies when a promise reaches its warning share or is breached, once per level', () => {
    const before = { 'INC-1': 'ok', 'INC-2': 'warning', 'INC-3': 'warning', 'INC-4': 'ok' };
    const now = [
      inc('INC-1', '2026-11-30T10:10:00Z', 'warning'),
      inc('INC-2', '2026-11-30T10:10:00Z', 'warning'),
      inc('INC-3', '2026-11-30T09:59:00Z', 'warning'), // due time passed: breached even before the server said so
      inc('INC-4', '2026-11-30T12:00:00Z', 'running'),
      inc('INC-5', '2026-11-30T09:00:00Z', 'breached'), // not seen before: no old news
    ];
    expect(slaChanges(before, now, NOW).map((c) => [c.item.reference, c.level, c.target])).toEqual([
      ['INC-1', 'warning', 'first_response'],
      ['INC-3', 'breached', 'first_response'],
    ]);
  });

  it('remembers the levels so the next sync does not repeat them', async () => {
    const seen: string[] = [];
    const notify = async (n: { item: { reference: string }; level: string }) => void seen.push(`${n.item.reference}:${n.level}`);
    await syncSlaNotices([inc('INC-1', '2026-11-30T12:00:00Z', 'running')], notify, NOW);
    await syncSlaNotices([inc('INC-1', '2026-11-30T10:30:00Z', 'warning')], notify, NOW);
    await syncSlaNotices([inc('INC-1', '2026-11-30T10:30:00Z', 'warning')], notify, NOW);
    expect(seen).toEqual(['INC-1:warning']);
  });
});
