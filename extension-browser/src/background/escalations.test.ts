import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { IncidentOutline, IncidentSummary, Status } from '@handoff/shared';
import type { Api } from '../api/client';
import { notableChanges, syncEscalations } from './escalations';

const inc = (reference: string, status: Status): IncidentSummary => ({
  access: 'full',
  reference,
  title: `t ${reference}`,
  category: 'login',
  product: 'Shop',
  version: '',
  component: null,
  severity: 'medium',
  status,
  team: null,
  owner: null,
  reporter: { id: 1, name: 'Alice' },
  workaround: null,
  affectedCustomers: 1,
  duplicateOf: null,
  fixedInVersion: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

const outline = (reference: string, status: Status): IncidentOutline => ({
  access: 'summary',
  reference,
  title: `t ${reference}`,
  status,
  team: 'billing',
  owner: null,
  affectedCustomers: 2,
  workaround: null,
  fixedInVersion: null,
  duplicateOf: null,
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('escalation sync (background, no EventSource in a service worker)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('notifies only when a known incident moves to a question or to fixed', () => {
    const before = { 'INC-1': 'in_progress', 'INC-2': 'new', 'INC-3': 'fixed' };
    const now = [inc('INC-1', 'needs_info'), inc('INC-2', 'triaged'), inc('INC-3', 'fixed'), inc('INC-4', 'fixed')];
    expect(notableChanges(before, now).map((i) => i.reference)).toEqual(['INC-1']);
  });

  it("never notifies from an outline of another team's incident", () => {
    expect(notableChanges({ 'INC-5': 'in_progress' }, [outline('INC-5', 'needs_info')])).toEqual([]);
  });

  it('remembers what it saw, so each change notifies once', async () => {
    let items = [inc('INC-1', 'in_progress')];
    const api = { incidents: { list: { query: async () => ({ items, nextCursor: null }) } } } as unknown as Api;
    const notified: string[] = [];
    const notify = async (i: IncidentSummary) => void notified.push(`${i.reference}:${i.status}`);
    expect(await syncEscalations(api, notify)).toBe(0);
    items = [inc('INC-1', 'fixed')];
    expect(await syncEscalations(api, notify)).toBe(1);
    expect(await syncEscalations(api, notify)).toBe(0);
    expect(notified).toEqual(['INC-1:fixed']);
  });
});
