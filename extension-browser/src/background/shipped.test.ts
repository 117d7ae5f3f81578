import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Release } from '@handoff/shared';
import type { Api } from '../api/client';
import { shippedFixesFor, syncShipped } from './shipped';

const alice = { id: 1, name: 'Alice Agent' };
const bob = { id: 9, name: 'Bob Agent' };
const fix = (id: number, reference: string, reporter = alice) => ({
  id,
  kind: 'fix' as const,
  incident: { reference, title: `t ${reference}`, status: 'fixed' as const, reporter, affectedCustomers: 1 },
  text: '',
});
const release = (version: string, status: Release['status'], items: Release['items']): Release => ({
  id: 1,
  version,
  plannedDate: '2026-12-01',
  notes: '',
  status,
  createdBy: bob,
  createdAt: '',
  shippedAt: null,
  items,
  feedback: [],
});

describe('shipped fixes for the agent (background)', () => {
  beforeEach(() => fakeBrowser.reset());

  it("lists only shipped fixes of the agent's own escalations", () => {
    const rs = [
      release('5.0', 'shipped', [fix(1, 'INC-1'), fix(2, 'INC-2', bob), { id: 3, kind: 'known_issue', incident: null, text: 'slow' }]),
      release('5.1', 'planned', [fix(4, 'INC-4')]),
    ];
    expect(shippedFixesFor(rs, alice.id)).toEqual([{ reference: 'INC-1', title: 't INC-1', version: '5.0' }]);
  });

  it('notifies each newly shipped fix once, and not what had shipped before the first check', async () => {
    let releases = [release('4.9', 'shipped', [fix(1, 'INC-1')])];
    const api = {
      auth: { whoami: { query: async () => ({ ...alice, role: 'agent', teams: [] }) } },
      releases: { list: { query: async () => releases } },
    } as unknown as Api;
    const notified: string[] = [];
    const notify = async (f: { reference: string; version: string }) => void notified.push(`${f.version}:${f.reference}`);
    expect(await syncShipped(api, notify)).toBe(0);
    releases = [...releases, release('5.0', 'shipped', [fix(2, 'INC-2')])];
    expect(await syncShipped(api, notify)).toBe(1);
    expect(await syncShipped(api, notify)).toBe(0);
    expect(notified).toEqual(['5.0:INC-2']);
  });
});
