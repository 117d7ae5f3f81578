// Incidents and people as the server sends them, for unit tests of pure logic.
import type { Incident, IncidentOutline, Me, TimelineEntry } from '@handoff/shared';

export const alice = { id: 1, name: 'Alice Agent' };
export const dana = { id: 3, name: 'Dev Dana' };
export const lee = { id: 4, name: 'Lee Lead' };

/** Dev Dana, developer in platform and accounts, under the default `team` visibility. */
export function me(patch: Partial<Me> = {}): Me {
  return { ...dana, role: 'developer', teams: ['platform', 'accounts'], visibility: 'team', ...patch };
}

export function entry(id: number, patch: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id,
    at: `2026-11-01T00:00:${String(id % 60).padStart(2, '0')}Z`,
    actor: alice,
    kind: 'comment',
    text: `entry ${id}`,
    data: {},
    visibility: 'internal',
    ...patch,
  };
}

/** INC-7, reported by Alice, routed to accounts, new and unassigned. */
export function incident(patch: Partial<Incident> = {}): Incident {
  return {
    access: 'full',
    reference: 'INC-7',
    title: 'SSO login loops',
    category: 'login',
    product: 'Acme Cloud',
    version: '4.2.0',
    component: null,
    severity: 'high',
    status: 'new',
    team: 'accounts',
    owner: null,
    reporter: alice,
    workaround: null,
    affectedCustomers: 1,
    duplicateOf: null,
    fixedInVersion: null,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    description: '',
    answers: {},
    templateVersion: null,
    environment: {},
    customer: { name: 'Maria Lopez' },
    crm: { system: 'zendesk' },
    steps: [],
    reproducedByAgent: false,
    attachments: [],
    participants: [],
    timeline: [entry(1, { kind: 'created', text: 'Created' })],
    earlierTimeline: false,
    ...patch,
  };
}

/** INC-8 as someone outside billing sees it. */
export function outline(patch: Partial<IncidentOutline> = {}): IncidentOutline {
  return {
    access: 'summary',
    reference: 'INC-8',
    title: 'Invoice shows the old number of seats',
    status: 'new',
    team: 'billing',
    owner: null,
    affectedCustomers: 1,
    workaround: null,
    fixedInVersion: null,
    duplicateOf: null,
    updatedAt: '2026-11-02T00:00:00Z',
    ...patch,
  };
}
