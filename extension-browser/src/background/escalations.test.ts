import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Incident, IncidentOutline, IncidentSummary, Status, TimelineEntry } from '@handoff/shared';
import type { Api } from '../api/client';
import { createTranslate, type Messages } from '../i18n/translate';
import { newlyClosed, notableChanges, notifyClosedOnce, syncEscalations } from './escalations';

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

const closeEntry = (id: number, actor: { id: number; name: string }): TimelineEntry => ({
  id,
  at: '2026-11-30T10:00:00.000Z',
  actor,
  kind: 'status_changed',
  text: 'Status verified → closed',
  data: { from: 'verified', to: 'closed', notify: [1, 3] },
  visibility: 'internal',
});

/** The agent (id 1) and an API that lists `items` and shows each incident with `timelines[ref]`. */
function agentApi(state: { items: IncidentSummary[]; timelines: Record<string, TimelineEntry[]> }, calls: string[]) {
  const full = (ref: string): Incident => ({
    ...state.items.find((i) => i.reference === ref)!,
    description: '',
    answers: {},
    templateVersion: null,
    environment: {},
    customer: { name: 'Abel Tuter' },
    crm: { system: 'servicenow' },
    steps: [],
    reproducedByAgent: false,
    attachments: [],
    participants: [],
    timeline: state.timelines[ref] ?? [],
    earlierTimeline: false,
  });
  return {
    auth: {
      whoami: {
        query: async () => {
          calls.push('whoami');
          return { id: 1, name: 'Alice', role: 'agent', teams: [], visibility: 'team' };
        },
      },
    },
    incidents: {
      list: { query: async () => ({ items: state.items, nextCursor: null }) },
      byRef: {
        query: async ({ ref }: { ref: string }) => {
          calls.push(`byRef ${ref}`);
          return full(ref);
        },
      },
    },
  } as unknown as Api;
}

describe('closes told by the background sync while the panel is shut', () => {
  beforeEach(() => fakeBrowser.reset());

  it('finds the incidents that closed since the last sync, not those closed before it', () => {
    const before = { 'INC-1': 'verified', 'INC-2': 'closed', 'INC-3': 'fixed' };
    const now = [inc('INC-1', 'closed'), inc('INC-2', 'closed'), inc('INC-3', 'verified'), inc('INC-4', 'closed')];
    expect(newlyClosed(before, now).map((i) => i.reference)).toEqual(['INC-1']);
    expect(newlyClosed({ 'INC-5': 'verified' }, [outline('INC-5', 'closed')])).toEqual([]);
  });

  it('tells of a close by someone else once, never of my own, and asks who I am only when something closed', async () => {
    const calls: string[] = [];
    const state = { items: [inc('INC-1', 'verified'), inc('INC-2', 'verified')], timelines: {} as Record<string, TimelineEntry[]> };
    const api = agentApi(state, calls);
    const closed: string[] = [];
    const sync = () =>
      syncEscalations(
        api,
        async () => undefined,
        async () => undefined,
        async (c) => void closed.push(`${c.item.reference} by ${c.entry.actor.name} (${c.entry.id})`),
      );
    expect(await sync()).toBe(0);
    expect(await sync()).toBe(0);
    expect(calls).toEqual([]); // nothing closed: no look-ups
    state.items = [inc('INC-1', 'closed'), inc('INC-2', 'closed')];
    state.timelines = { 'INC-1': [closeEntry(41, { id: 4, name: 'Lee Lead' })], 'INC-2': [closeEntry(42, { id: 1, name: 'Alice' })] };
    expect(await sync()).toBe(1);
    expect(closed).toEqual(['INC-1 by Lee Lead (41)']);
    expect(calls).toEqual(['byRef INC-1', 'whoami', 'byRef INC-2']);
    expect(await sync()).toBe(0);
    expect(closed).toHaveLength(1);
  });

  it('shows the notice in the agent’s words, once even when the open panel showed it first', async () => {
    const file = join(dirname(fileURLToPath(import.meta.url)), '../../public/_locales/en/messages.json');
    const en = JSON.parse(readFileSync(file, 'utf8')) as Messages;
    const t = createTranslate(en, en);
    const notice = { item: inc('INC-7', 'closed'), entry: closeEntry(77, { id: 4, name: 'Lee Lead' }) };
    await notifyClosedOnce(notice, t);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({
      'customer-77': expect.objectContaining({ title: 'INC-7 was closed by Lee Lead', message: 'Status verified → closed' }),
    });
    await fakeBrowser.notifications.clear('customer-77');
    await notifyClosedOnce(notice, t);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });
});
