import { describe, expect, it } from 'vitest';
import { type Relation, PERMISSION_MATRIX, RELATIONS, matrixAllows } from './permissionMatrix.js';
import {
  ACTIONS,
  type Action,
  type IncidentFacts,
  VISIBILITIES,
  allowedTransitions,
  can,
  check,
  checkTransitionFor,
  transitionSteps,
  incidentAccess,
} from './permissions.js';
import { ROLES, type Role, type User } from './schemas/roles.js';

const ME = 7;
const OTHER = 99;
const userOf = (role: Role): User => ({ id: ME, name: 'Me', role, teams: ['alpha'] });

/** An incident in the given relation to user ME (see permissionMatrix.ts). */
function factsFor(relation: Relation): IncidentFacts {
  const base: IncidentFacts = { team: 'beta', reporterId: OTHER, ownerId: OTHER, participantIds: [] };
  switch (relation) {
    case 'ownTeam':
      return { ...base, team: 'alpha' };
    case 'otherTeam':
      return base;
    case 'ownReport':
      return { ...base, reporterId: ME };
    case 'noTeam':
      return { ...base, team: null };
    case 'owner':
      return { ...base, ownerId: ME };
    case 'asked':
      return { ...base, participantIds: [ME] };
  }
}

function subjectFor(action: Action, relation: Relation): unknown {
  if (action === 'incident.create' || !/^(incident|team\.rename|routing\.manage|release\.read|crmMapping\.)/.test(action)) return undefined;
  if (action === 'team.rename' || action === 'routing.manage' || action.startsWith('crmMapping.'))
    return relation === 'ownTeam' ? 'alpha' : 'beta';
  if (action === 'release.read') return { fixes: [factsFor(relation === 'ownTeam' ? 'ownTeam' : 'otherTeam')] };
  return factsFor(relation);
}

describe('the permission model', () => {
  it('has a matrix row for every action and nothing else', () => {
    for (const v of VISIBILITIES) expect(Object.keys(PERMISSION_MATRIX[v]).sort()).toEqual([...ACTIONS].sort());
  });

  const cells = VISIBILITIES.flatMap((visibility) =>
    ACTIONS.flatMap((action) => ROLES.flatMap((role) => RELATIONS.map((relation) => ({ visibility, action, role, relation })))),
  );
  // Team and release actions only know ownTeam/otherTeam; other relations repeat them harmlessly.
  it.each(cells)('$visibility: $role $action on $relation', ({ visibility, action, role, relation }) => {
    const subjectless = subjectFor(action, relation) === undefined;
    const teamish = /^(team\.rename|routing\.manage|release\.read|crmMapping\..+)$/.test(action);
    if (teamish && relation !== 'ownTeam' && relation !== 'otherTeam') return;
    const expected = matrixAllows(visibility, action, role, subjectless ? undefined : relation);
    const decision = check(userOf(role), action, subjectFor(action, relation) as never, { visibility });
    expect(decision.ok).toBe(expected);
    if (!decision.ok) expect(decision.reason.length).toBeGreaterThan(20);
  });

  it('without a subject checks the role only (what a client offers)', () => {
    expect(can(userOf('agent'), 'incident.comment')).toBe(true);
    expect(can(userOf('reviewer'), 'incident.assign')).toBe(false);
    expect(can(userOf('lead'), 'team.rename')).toBe(true);
    expect(check(userOf('reviewer'), 'incident.create')).toEqual({
      ok: false,
      reason: 'incident.create is for agents, developers, leads and admins; you are signed in as reviewer.',
    });
  });

  it('says whose incident it is when only the summary is visible', () => {
    const d = check(userOf('developer'), 'incident.comment', factsFor('otherTeam'));
    expect(d).toEqual({ ok: false, reason: "This is team beta's incident: you see its summary only. Ask its team or a lead." });
    expect(incidentAccess(userOf('developer'), factsFor('otherTeam'))).toBe('summary');
    expect(incidentAccess(userOf('developer'), factsFor('otherTeam'), { visibility: 'open' })).toBe('full');
  });
});

describe('status moves by role', () => {
  const fixedOwnReport = { ...factsFor('ownReport'), team: 'alpha', status: 'fixed' as const };

  it('verifying a fix is for the reporter or a lead, never a developer of another team', () => {
    expect(checkTransitionFor(userOf('agent'), fixedOwnReport, { to: 'verified' }).ok).toBe(true);
    expect(checkTransitionFor(userOf('lead'), { ...factsFor('ownTeam'), status: 'fixed' }, { to: 'verified' }).ok).toBe(true);
    const other = checkTransitionFor(userOf('lead'), { ...factsFor('otherTeam'), status: 'fixed' }, { to: 'verified' });
    expect(other).toMatchObject({ ok: false, status: 'forbidden' });
    expect(checkTransitionFor(userOf('developer'), { ...factsFor('ownTeam'), status: 'fixed' }, { to: 'verified' })).toMatchObject({
      ok: false,
      status: 'forbidden',
    });
  });

  it('a close the customer confirmed is checked as its two moves: verify (reporter or lead), then close', () => {
    const confirmed = { to: 'closed' as const, customerConfirmed: true };
    expect(checkTransitionFor(userOf('agent'), fixedOwnReport, confirmed).ok).toBe(true);
    expect(checkTransitionFor(userOf('agent'), { ...fixedOwnReport, status: 'verified' }, confirmed).ok).toBe(true);
    expect(checkTransitionFor(userOf('developer'), { ...factsFor('ownTeam'), status: 'fixed' }, confirmed)).toMatchObject({
      ok: false,
      status: 'forbidden',
    });
    expect(checkTransitionFor(userOf('agent'), { ...fixedOwnReport, status: 'in_progress' }, confirmed)).toMatchObject({
      ok: false,
      status: 'bad_request',
      message: expect.stringMatching(/^customerConfirmed: the incident is in_progress/),
    });
    expect(transitionSteps('fixed', confirmed)).toEqual({
      ok: true,
      steps: [
        { from: 'fixed', req: { to: 'verified' } },
        { from: 'verified', req: { to: 'closed', reason: undefined } },
      ],
    });
    expect(transitionSteps('fixed', { to: 'verified', customerConfirmed: true })).toMatchObject({ ok: false });
  });

  it('names what is missing: a version to mark fixed, a reason to reopen', () => {
    const inProgress = { ...factsFor('ownTeam'), status: 'in_progress' as const };
    expect(checkTransitionFor(userOf('developer'), inProgress, { to: 'fixed' })).toEqual({
      ok: false,
      status: 'bad_request',
      message: 'version: say which version contains the fix (e.g. "4.2.1").',
    });
    const closed = { ...factsFor('ownReport'), status: 'closed' as const };
    expect(checkTransitionFor(userOf('agent'), closed, { to: 'in_progress' })).toMatchObject({
      ok: false,
      message: 'reason: say what still fails.',
    });
  });

  it('offers each role exactly the moves it may make', () => {
    const inProgress = { ...factsFor('ownTeam'), status: 'in_progress' as const };
    expect(allowedTransitions(userOf('developer'), inProgress)).toEqual([
      'triaged',
      'needs_info',
      'fixed',
      'not_reproducible',
      'duplicate',
      'wont_fix',
    ]);
    expect(allowedTransitions(userOf('agent'), inProgress)).toEqual([]);
    expect(allowedTransitions(userOf('developer'), { ...inProgress, team: 'beta' })).toEqual([]);
    const fixed = { ...factsFor('ownReport'), status: 'fixed' as const };
    expect(allowedTransitions(userOf('agent'), fixed)).toEqual(['in_progress', 'verified']);
  });
});
