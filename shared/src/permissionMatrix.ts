import type { Action, Visibility } from './permissions.js';
import type { Role } from './schemas/roles.js';

/**
 * The permission model written out cell by cell, independently of the rules in permissions.ts:
 * the tests of `shared` check `can()` against it, and the server's authorization tests are
 * generated from it (on both engines). Change a cell here only when the model changes.
 *
 * How the person relates to the incident (every person is in team "alpha"):
 * - ownTeam   routed to alpha, reported and owned by others
 * - otherTeam routed to beta, nothing to do with the person
 * - ownReport routed to beta, reported by the person
 * - noTeam    not routed to any team, reported by someone else
 * - owner     routed to beta, owned by the person
 * - asked     routed to beta, the person was asked a question on it
 * For team actions: ownTeam = team alpha, otherTeam = team beta. For release.read: ownTeam = a
 * release fixing an alpha incident, otherTeam = a release fixing only a beta incident.
 */
export const RELATIONS = ['ownTeam', 'otherTeam', 'ownReport', 'noTeam', 'owner', 'asked'] as const;
export type Relation = (typeof RELATIONS)[number];

type Cells = Record<Role, string>;
const ALL = 'ownTeam otherTeam ownReport noTeam owner asked';
const SEEN = 'ownTeam ownReport owner asked'; // full access of agents, reviewers and developers
const LEAD = 'ownTeam ownReport owner asked noTeam'; // leads also route unrouted incidents
const NONE = '';
const YES = 'yes';

const read: Cells = { agent: SEEN, reviewer: SEEN, developer: SEEN, lead: LEAD, admin: ALL };
const summary: Cells = { agent: ALL, reviewer: ALL, developer: ALL, lead: ALL, admin: ALL };
const engineering: Cells = { agent: NONE, reviewer: NONE, developer: SEEN, lead: LEAD, admin: ALL };
const work: Cells = { agent: SEEN, reviewer: NONE, developer: SEEN, lead: LEAD, admin: ALL };
const ownWork: Cells = { agent: 'ownReport', reviewer: NONE, developer: SEEN, lead: LEAD, admin: ALL };
const findDuplicate: Cells = { agent: ALL, reviewer: NONE, developer: ALL, lead: ALL, admin: ALL };
const everyone: Cells = { agent: YES, reviewer: YES, developer: YES, lead: YES, admin: YES };
const only = (...roles: Role[]): Cells =>
  Object.fromEntries(
    (['agent', 'reviewer', 'developer', 'lead', 'admin'] as const).map((r) => [r, roles.includes(r) ? YES : NONE]),
  ) as Cells;

/** Under `team` visibility (the default). Incident and team cells list the relations allowed. */
const TEAM_VISIBILITY: Record<Action, Cells> = {
  'incident.create': only('agent', 'developer', 'lead', 'admin'),
  'incident.read': read,
  'incident.summary': summary,
  'incident.follow': summary,
  'incident.update': ownWork,
  'incident.assign': engineering,
  'incident.comment': read,
  'incident.ask': engineering,
  'incident.answer': { agent: 'ownReport asked', reviewer: NONE, developer: 'ownReport asked', lead: LEAD, admin: ALL },
  'incident.reproduce': work,
  'incident.recordBranch': engineering,
  'incident.transition': work,
  'incident.linkDuplicate': ownWork,
  'incident.linkOriginal': findDuplicate,
  'incident.addAffectedCustomer': findDuplicate,
  'incident.share': work,
  'release.read': {
    agent: 'ownTeam',
    reviewer: 'ownTeam otherTeam',
    developer: 'ownTeam otherTeam',
    lead: 'ownTeam otherTeam',
    admin: 'ownTeam otherTeam',
  },
  'release.create': only('developer', 'lead', 'admin'),
  'release.ship': only('developer', 'lead', 'admin'),
  'release.feedback': only('reviewer', 'lead', 'admin'),
  'team.list': everyone,
  'team.create': only('admin'),
  'team.rename': { agent: NONE, reviewer: NONE, developer: NONE, lead: 'ownTeam', admin: 'ownTeam otherTeam' },
  'routing.read': everyone,
  'routing.manage': { agent: NONE, reviewer: NONE, developer: NONE, lead: 'ownTeam', admin: 'ownTeam otherTeam' },
  'incident.escalate': work,
  'incident.deescalate': engineering,
  'sla.read': everyone,
  'sla.manage': only('lead', 'admin'),
  'template.read': everyone,
  'template.manage': only('lead', 'admin'),
  'catalog.read': everyone,
  'user.list': everyone,
  'user.add': only('admin'),
  'customer.export': only('lead', 'admin'),
  'customer.erase': only('admin'),
  'feed.read': everyone,
  'insights.read': everyone,
  'insights.warnings': only('lead', 'admin'),
  'incident.recordSolution': work,
  'incident.resolveKnown': findDuplicate,
  'knownSolution.read': everyone,
  'knownSolution.publish': only('lead', 'admin'),
  'user.manage': only('admin'),
  'token.manage': only('admin'),
  'token.own': everyone,
  'mail.own': everyone,
  'audit.read': only('admin'),
  'crmMapping.read': { agent: 'ownTeam', reviewer: 'ownTeam', developer: 'ownTeam', lead: 'ownTeam', admin: 'ownTeam otherTeam' },
  'crmMapping.manage': { agent: NONE, reviewer: NONE, developer: NONE, lead: 'ownTeam', admin: 'ownTeam otherTeam' },
};

const openAll = (cells: Cells): Cells =>
  Object.fromEntries(Object.entries(cells).map(([role, v]) => [role, v === NONE ? NONE : ALL])) as Cells;

/** Under `open` visibility everyone sees everything; who does what by role stays the same. */
const OPEN_VISIBILITY: Record<Action, Cells> = {
  ...TEAM_VISIBILITY,
  'incident.read': openAll(read),
  'incident.comment': openAll(read),
  'incident.update': { ...openAll(ownWork), agent: 'ownReport' },
  'incident.assign': openAll(engineering),
  'incident.ask': openAll(engineering),
  'incident.answer': { agent: 'ownReport asked', reviewer: NONE, developer: 'ownReport asked', lead: ALL, admin: ALL },
  'incident.reproduce': openAll(work),
  'incident.recordBranch': openAll(engineering),
  'incident.transition': openAll(work),
  'incident.share': openAll(work),
  'incident.recordSolution': openAll(work),
  'incident.linkDuplicate': { ...openAll(ownWork), agent: 'ownReport' },
  'incident.escalate': openAll(work),
  'incident.deescalate': openAll(engineering),
  'release.read': { ...TEAM_VISIBILITY['release.read'], agent: 'ownTeam otherTeam' },
  'team.rename': { ...TEAM_VISIBILITY['team.rename'], lead: 'ownTeam otherTeam' },
  'routing.manage': { ...TEAM_VISIBILITY['routing.manage'], lead: 'ownTeam otherTeam' },
  'crmMapping.read': openAll(TEAM_VISIBILITY['crmMapping.read']),
  'crmMapping.manage': { ...TEAM_VISIBILITY['crmMapping.manage'], lead: 'ownTeam otherTeam' },
};

export const PERMISSION_MATRIX: Record<Visibility, Record<Action, Cells>> = { team: TEAM_VISIBILITY, open: OPEN_VISIBILITY };

/**
 * Whether the matrix allows `role` to take `action` in `relation` (for actions without a
 * subject, `relation` is ignored).
 */
export function matrixAllows(visibility: Visibility, action: Action, role: Role, relation?: Relation): boolean {
  const cell = PERMISSION_MATRIX[visibility][action][role];
  if (cell === YES) return true;
  return relation !== undefined && cell.split(' ').includes(relation);
}
