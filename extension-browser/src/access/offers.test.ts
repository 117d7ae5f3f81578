import { type Incident, type Me, matrixAllows, ROLES, type Role, VISIBILITIES } from '@handoff/shared';
import { describe, expect, it } from 'vitest';
import { verifyOffers } from '../loop/verifyFix';
import { mayAddCustomer, mayAnswer, mayResolveKnown, panelTabs } from './offers';

const person = (role: Role, visibility: Me['visibility'] = 'team', id = 1): Me => ({ id, name: role, role, teams: ['alpha'], visibility });
const incident = (over: Partial<Incident> = {}): Incident => ({
  access: 'full',
  reference: 'INC-7',
  title: 'Checkout crashes',
  category: 'crash',
  product: 'Shop',
  version: '',
  component: null,
  severity: 'medium',
  status: 'fixed',
  team: 'alpha',
  owner: { id: 3, name: 'Dev Dana' },
  reporter: { id: 1, name: 'Alice Agent' },
  workaround: null,
  affectedCustomers: 1,
  duplicateOf: null,
  fixedInVersion: '4.3.1',
  createdAt: '2026-11-30T08:00:00.000Z',
  updatedAt: '2026-11-30T08:00:00.000Z',
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
  timeline: [],
  earlierTimeline: false,
  ...over,
});

describe('what the panel offers comes from the shared permission model', () => {
  it.each(VISIBILITIES.flatMap((v) => ROLES.map((r) => [v, r] as const)))('%s visibility, %s: tabs as the matrix allows', (v, role) => {
    const tabs = panelTabs(person(role, v));
    const captures = matrixAllows(v, 'incident.create', role);
    expect(tabs.includes('releases')).toBe(matrixAllows(v, 'release.feedback', role));
    for (const tab of ['capture', 'escalations', 'queue'] as const) expect(tabs.includes(tab)).toBe(captures);
    expect(mayAddCustomer(person(role, v))).toBe(matrixAllows(v, 'incident.addAffectedCustomer', role, 'otherTeam'));
    expect(mayResolveKnown(person(role, v))).toBe(matrixAllows(v, 'incident.resolveKnown', role, 'otherTeam'));
  });

  it('gives each demo role exactly these tabs, in this order', () => {
    expect(panelTabs(person('agent'))).toEqual(['capture', 'escalations', 'queue']);
    expect(panelTabs(person('reviewer'))).toEqual(['releases']);
    expect(panelTabs(person('developer'))).toEqual(['capture', 'escalations', 'queue']);
    expect(panelTabs(person('lead'))).toEqual(['capture', 'escalations', 'releases', 'queue']);
    expect(panelTabs(person('admin'))).toEqual(['capture', 'escalations', 'releases', 'queue']);
  });

  it('keeps capturing offered while nobody is known yet (offline: the queue sends it later)', () => {
    expect(panelTabs(undefined)).toEqual(['capture', 'escalations', 'queue']);
    expect(mayAddCustomer(undefined)).toBe(true);
  });

  it('offers the answer box to the reporting agent, not to an agent of another team', () => {
    expect(mayAnswer(person('agent'), incident({ status: 'needs_info' }))).toBe(true);
    const elsewhere = incident({ status: 'needs_info', team: 'beta', reporter: { id: 9, name: 'Bob' } });
    expect(mayAnswer(person('agent'), elsewhere)).toBe(false);
    expect(mayAnswer(person('agent'), { ...elsewhere, participants: [{ id: 1, name: 'agent' }] })).toBe(true);
  });

  it('offers each verify choice only to whom the server takes it from', () => {
    const fixed = incident() as Incident & { status: 'fixed' };
    expect(verifyOffers(person('agent'), fixed)).toEqual({ confirmed: true, still_fails: true, unreachable: true });
    // A developer of the team reopens, but talking to the customer is for the reporter or a lead.
    expect(verifyOffers(person('developer', 'team', 3), fixed)).toEqual({ confirmed: false, still_fails: true, unreachable: false });
    expect(verifyOffers(person('lead', 'team', 4), fixed)).toEqual({ confirmed: true, still_fails: true, unreachable: true });
    expect(verifyOffers(person('reviewer', 'team', 5), fixed)).toEqual({ confirmed: false, still_fails: false, unreachable: false });
    expect(verifyOffers(undefined, fixed)).toEqual({ confirmed: true, still_fails: true, unreachable: true });
  });
});
