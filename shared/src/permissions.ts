import type { Incident } from './schemas/incident.js';
import type { Role, User } from './schemas/roles.js';
import { STATUSES, type Status, checkTransition } from './schemas/status.js';

/**
 * Who may see and do what — the only place these rules live. The server enforces them on every
 * procedure and every live event; both extensions use them only to decide which actions to offer.
 */

/** Roles grouped by what they do; rules name a group, never a list of roles. */
export const ROLE_GROUPS = {
  /** Everyone with an account. */
  staff: ['agent', 'reviewer', 'developer', 'lead', 'admin'],
  /** Capture incidents and work on them. */
  writers: ['agent', 'developer', 'lead', 'admin'],
  /** Developers' work: assign, ask L1, branches, releases. */
  engineers: ['developer', 'lead', 'admin'],
  /** L1's voice on upcoming releases. */
  reviewers: ['reviewer', 'lead', 'admin'],
  /** Shape teams, routing and question lists. */
  managers: ['lead', 'admin'],
  admins: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type RoleGroup = keyof typeof ROLE_GROUPS;

const GROUP_NAMES: Record<RoleGroup, string> = {
  staff: 'everyone signed in',
  writers: 'agents, developers, leads and admins',
  engineers: 'developers, leads and admins',
  reviewers: 'reviewers, leads and admins',
  managers: 'leads and admins',
  admins: 'admins',
};

/** True when `role` belongs to `group`. */
export function inGroup(role: Role, group: RoleGroup): boolean {
  return (ROLE_GROUPS[group] as readonly Role[]).includes(role);
}

/**
 * `team` (the default): staff see their own teams' incidents in full and others' as a summary.
 * `open`: everyone sees and works on every incident, as if in every team (small organisations).
 */
export const VISIBILITIES = ['team', 'open'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export interface AccessPolicy {
  visibility: Visibility;
}
export const DEFAULT_POLICY: AccessPolicy = { visibility: 'team' };

/** What decides who may see an incident. */
export interface IncidentFacts {
  team: string | null;
  reporterId: number;
  ownerId: number | null;
  /** People asked a question on it: they see it in full wherever it is routed. */
  participantIds: readonly number[];
}

/** The facts of an incident a client holds in full (to decide which actions to offer). */
export function factsOf(incident: Pick<Incident, 'team' | 'reporter' | 'owner' | 'participants'>): IncidentFacts {
  return {
    team: incident.team,
    reporterId: incident.reporter.id,
    ownerId: incident.owner?.id ?? null,
    participantIds: incident.participants.map((p) => p.id),
  };
}

/** How much of an incident someone sees: everything, or the summary every staff member may see. */
export type Access = 'full' | 'summary';

/**
 * Full access: admins; everyone under `open` visibility; members of the team it is routed to; its
 * reporter, its owner and anyone asked a question on it; leads for unrouted incidents (they
 * route them). Everyone else signed in sees the summary — enough to find a duplicate.
 */
export function incidentAccess(user: User, incident: IncidentFacts, policy: AccessPolicy = DEFAULT_POLICY): Access {
  if (user.role === 'admin' || policy.visibility === 'open') return 'full';
  if (incident.team !== null && user.teams.includes(incident.team)) return 'full';
  if (incident.reporterId === user.id || incident.ownerId === user.id) return 'full';
  if (incident.participantIds.includes(user.id)) return 'full';
  if (incident.team === null && user.role === 'lead') return 'full';
  return 'summary';
}

/** What a release's visibility depends on: the incidents it fixes. */
export interface ReleaseFacts {
  fixes: readonly IncidentFacts[];
}

type Subject =
  | { kind: 'none' }
  | { kind: 'incident'; facts: IncidentFacts }
  | { kind: 'team'; team: string }
  | { kind: 'release'; facts: ReleaseFacts };

interface Rule {
  group: RoleGroup;
  /** What it needs of an incident: nothing, its summary (anyone signed in), or full access. */
  needs?: Access;
  /** A further condition; returns why it fails, or null. */
  also?: (user: User, subject: Subject, policy: AccessPolicy) => string | null;
}

const isReporter = (user: User, s: Subject) => s.kind === 'incident' && s.facts.reporterId === user.id;
const onlyReportingAgent = (user: User, s: Subject) =>
  user.role !== 'agent' || isReporter(user, s) ? null : 'agents change only the incidents they reported';
const ofOwnTeam = (user: User, s: Subject, policy: AccessPolicy) =>
  user.role === 'admin' || policy.visibility === 'open' || (s.kind === 'team' && user.teams.includes(s.team))
    ? null
    : `you see your own teams' shared helpdesk mappings (${user.teams.join(', ') || 'none'})`;
const teamMember = (user: User, s: Subject, policy: AccessPolicy) =>
  user.role === 'admin' || policy.visibility === 'open' || (s.kind === 'team' && user.teams.includes(s.team))
    ? null
    : `leads act on their own teams (${user.teams.join(', ') || 'none'})`;

/** Every action, with who may take it. The server names the action on each procedure. */
export const RULES = {
  'incident.create': { group: 'writers' },
  'incident.read': { group: 'staff', needs: 'full' },
  'incident.summary': { group: 'staff', needs: 'summary' },
  'incident.follow': { group: 'staff', needs: 'summary' },
  'incident.update': { group: 'writers', needs: 'full', also: onlyReportingAgent },
  'incident.assign': { group: 'engineers', needs: 'full' },
  'incident.comment': { group: 'staff', needs: 'full' },
  'incident.ask': { group: 'engineers', needs: 'full' },
  'incident.answer': {
    group: 'writers',
    needs: 'full',
    also: (user, s) =>
      inGroup(user.role, 'managers') || isReporter(user, s) || (s.kind === 'incident' && s.facts.participantIds.includes(user.id))
        ? null
        : 'questions are answered by the agent who reported it, the person asked, or a lead',
  },
  'incident.reproduce': { group: 'writers', needs: 'full' },
  'incident.recordBranch': { group: 'engineers', needs: 'full' },
  'incident.transition': { group: 'writers', needs: 'full' },
  /** Marking one's own incident as a duplicate of another. */
  'incident.linkDuplicate': { group: 'writers', needs: 'full', also: onlyReportingAgent },
  /** Being the original a duplicate points at: the summary is enough. */
  'incident.linkOriginal': { group: 'writers', needs: 'summary' },
  'incident.addAffectedCustomer': { group: 'writers', needs: 'summary' },
  /**
   * Speaking to the customer: making and revoking links to the customer's page, relaying a
   * question to them, and marking one's comment visible to them.
   */
  'incident.share': { group: 'writers', needs: 'full' },
  'release.read': {
    group: 'staff',
    also: (user, s, policy) =>
      user.role !== 'agent' ||
      policy.visibility === 'open' ||
      (s.kind === 'release' && s.facts.fixes.some((f) => incidentAccess(user, f, policy) === 'full'))
        ? null
        : 'agents see the releases that fix their incidents',
  },
  'release.create': { group: 'engineers' },
  'release.ship': { group: 'engineers' },
  'release.feedback': { group: 'reviewers' },
  'team.list': { group: 'staff' },
  'team.create': { group: 'admins' },
  'team.rename': { group: 'managers', also: teamMember },
  'routing.read': { group: 'staff' },
  'routing.manage': { group: 'managers', also: teamMember },
  'incident.escalate': { group: 'writers', needs: 'full' },
  'incident.deescalate': { group: 'engineers', needs: 'full' },
  'sla.read': { group: 'staff' },
  'sla.manage': { group: 'managers' },
  'template.read': { group: 'staff' },
  'template.manage': { group: 'managers' },
  'catalog.read': { group: 'staff' },
  'user.list': { group: 'staff' },
  'user.add': { group: 'admins' },
  /** Hand a customer everything held about them (incidents the caller sees in full). */
  'customer.export': { group: 'managers' },
  /** Erase a customer's personal data everywhere: irreversible, so admins only. */
  'customer.erase': { group: 'admins' },
  /** One's own Atom feed of changes to the incidents one sees in full. */
  'feed.read': { group: 'staff' },
  /** Recording how a problem was solved (and what to tell customers). */
  'incident.recordSolution': { group: 'writers', needs: 'full' },
  /** Resolving a new incident at L1 with the known solution of a group: its summary is enough. */
  'incident.resolveKnown': { group: 'writers', needs: 'summary' },
  'knownSolution.read': { group: 'staff' },
  /** Putting a customer answer on the public known-issues page (or taking it off). */
  'knownSolution.publish': { group: 'managers' },
  /** Insights over the incidents a person may count: see {@link insightTeams}. */
  'insights.read': { group: 'staff' },
  /** Live upgrade warnings: leads (of the warned version's teams, filtered per event) and admins. */
  'insights.warnings': { group: 'managers' },
  /** Change role, teams or name; deactivate and reactivate accounts; see every account. */
  'user.manage': { group: 'admins' },
  /** Issue, revoke and rotate anyone's tokens. */
  'token.manage': { group: 'admins' },
  /** Issue, revoke and rotate one's own tokens (a lost laptop must not wait for an admin). */
  'token.own': { group: 'staff' },
  /** One's own mail settings (address, which incidents); anyone's needs `user.manage`. */
  'mail.own': { group: 'staff' },
  /** Read the audit log of administrative changes. */
  'audit.read': { group: 'admins' },
  /** A team's shared helpdesk mappings (taught fields per site): read by its members when reading a page. */
  'crmMapping.read': { group: 'staff', also: ofOwnTeam },
  /** Sharing a taught site with a team (or withdrawing it): its leads, and admins. */
  'crmMapping.manage': { group: 'managers', also: teamMember },
} as const satisfies Record<string, Rule>;
export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];

/** The subject an action is about: an incident, a team (id), a release, or nothing. */
export type SubjectOf<A extends Action> = A extends `incident.${string}`
  ? A extends 'incident.create'
    ? undefined
    : IncidentFacts
  : A extends 'team.rename' | 'routing.manage' | 'crmMapping.read' | 'crmMapping.manage'
    ? string
    : A extends 'release.read'
      ? ReleaseFacts
      : undefined;

export type Decision = { ok: true } | { ok: false; reason: string };

function subjectOf(action: Action, subject: unknown): Subject {
  if (subject === undefined) return { kind: 'none' };
  if (typeof subject === 'string') return { kind: 'team', team: subject };
  if (action === 'release.read') return { kind: 'release', facts: subject as ReleaseFacts };
  return { kind: 'incident', facts: subject as IncidentFacts };
}

/**
 * Whether `user` may take `action` (on `subject`, when the action is about one), with the reason
 * when not — phrased for the person who tried. Without a subject only the role is checked: enough
 * to decide whether to offer an action at all, or to let a list through that is filtered item by item.
 */
export function check<A extends Action>(user: User, action: A, subject?: SubjectOf<A>, policy: AccessPolicy = DEFAULT_POLICY): Decision {
  const rule: Rule = RULES[action];
  if (!inGroup(user.role, rule.group)) {
    return { ok: false, reason: `${action} is for ${GROUP_NAMES[rule.group]}; you are signed in as ${user.role}.` };
  }
  const s = subjectOf(action, subject);
  if (s.kind === 'incident' && rule.needs === 'full' && incidentAccess(user, s.facts, policy) !== 'full') {
    const whose = s.facts.team ? `team ${s.facts.team}'s` : 'an unrouted';
    return { ok: false, reason: `This is ${whose} incident: you see its summary only. Ask its team or a lead.` };
  }
  if (s.kind !== 'none') {
    const why = rule.also?.(user, s, policy);
    if (why) return { ok: false, reason: `Not allowed: ${why}.` };
  }
  return { ok: true };
}

/** Boolean form of {@link check}, for deciding which actions to offer. */
export function can<A extends Action>(user: User, action: A, subject?: SubjectOf<A>, policy: AccessPolicy = DEFAULT_POLICY): boolean {
  return check(user, action, subject, policy).ok;
}

/**
 * Which teams' incidents count in someone's insights: `null` for all (admins, leads — they watch
 * the whole organisation — and everyone under `open` visibility), otherwise their own teams.
 */
export function insightTeams(user: User, policy: AccessPolicy = DEFAULT_POLICY): readonly string[] | null {
  if (policy.visibility === 'open' || inGroup(user.role, 'managers')) return null;
  return user.teams;
}

/**
 * Whether an upgrade warning over incidents of `teams` goes to this person: admins get every
 * warning, a lead those touching one of their teams (the permission `insights.warnings` says who
 * may follow warnings at all).
 */
export function receivesUpgradeWarning(user: User, teams: readonly string[]): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'lead' && teams.some((t) => user.teams.includes(t));
}

export interface TransitionRequest {
  to: Status;
  reason?: string | undefined;
  version?: string | undefined;
  unverifiedReason?: string | undefined;
  /** With `to: "closed"`: the customer confirmed the fix (a fixed incident is verified, then closed). */
  customerConfirmed?: boolean | undefined;
}

/** One status move a request makes: from which status, and the move as if it were sent alone. */
export interface TransitionStep {
  from: Status;
  req: TransitionRequest;
}

/**
 * The single moves a request makes, in order. Only a customer-confirmed close makes two: a fixed
 * incident is verified, then closed, so each move is checked and recorded as if sent alone
 * (in one request: one round trip and one commit instead of two).
 */
export function transitionSteps(
  from: Status,
  req: TransitionRequest,
): { ok: true; steps: TransitionStep[] } | { ok: false; message: string } {
  if (!req.customerConfirmed) return { ok: true, steps: [{ from, req }] };
  if (req.to !== 'closed')
    return { ok: false, message: 'customerConfirmed: the customer confirms a fix by closing it: send to: "closed".' };
  if (req.unverifiedReason) {
    return {
      ok: false,
      message: 'customerConfirmed: either the customer confirmed the fix or unverifiedReason says why not; send one of them.',
    };
  }
  const close: TransitionRequest = { to: 'closed', reason: req.reason };
  if (from === 'verified') return { ok: true, steps: [{ from, req: close }] };
  if (from !== 'fixed')
    return { ok: false, message: `customerConfirmed: the incident is ${from}; only a fixed or verified incident is confirmed.` };
  return {
    ok: true,
    steps: [
      { from, req: { to: 'verified' } },
      { from: 'verified', req: close },
    ],
  };
}

/**
 * Who may make which status move, on top of the status machine and `incident.transition`:
 * developers move work along and mark it fixed; verifying a fix and closing it are for the person
 * who reported it — they talk to the customer — or a lead; reopening needs what still fails, and
 * "not reproducible" and "won't fix" need a reason. `status: 'forbidden'` for who, `'bad_request'`
 * for what is missing.
 */
export function checkTransitionFor(
  user: User,
  incident: IncidentFacts & { status: Status },
  req: TransitionRequest,
  policy: AccessPolicy = DEFAULT_POLICY,
): TransitionVerdict {
  const expanded = transitionSteps(incident.status, req);
  if (!expanded.ok) return { ok: false, status: 'bad_request', message: expanded.message };
  for (const step of expanded.steps) {
    const verdict = checkOneMove(user, { ...incident, status: step.from }, step.req, policy);
    if (!verdict.ok) return verdict;
  }
  return { ok: true };
}

type TransitionVerdict = { ok: true } | { ok: false; status: 'forbidden' | 'bad_request'; message: string };

function checkOneMove(
  user: User,
  incident: IncidentFacts & { status: Status },
  req: TransitionRequest,
  policy: AccessPolicy,
): TransitionVerdict {
  const access = check(user, 'incident.transition', incident, policy);
  if (!access.ok) return { ok: false, status: 'forbidden', message: access.reason };
  const from = incident.status;
  const machine = checkTransition(from, req.to, { unverifiedReason: req.unverifiedReason });
  if (!machine.ok) return { ok: false, status: 'bad_request', message: `to: ${machine.reason}` };

  const reporter = incident.reporterId === user.id;
  const engineer = inGroup(user.role, 'engineers');
  const reopening = req.to === 'in_progress' && ['fixed', 'verified', 'closed'].includes(from);
  const customerFacing = req.to === 'verified' || (req.to === 'closed' && (from === 'fixed' || from === 'verified'));
  const [allowed, who] = customerFacing
    ? [reporter || inGroup(user.role, 'managers'), 'the person who reported it or a lead (they confirm with the customer)']
    : reopening || req.to === 'closed'
      ? [reporter || engineer, 'the person who reported it, a developer or a lead']
      : [engineer, 'developers and leads'];
  if (!allowed) return { ok: false, status: 'forbidden', message: `Moving an incident to ${req.to} is for ${who}.` };

  if (req.to === 'fixed' && !req.version?.trim()) {
    return { ok: false, status: 'bad_request', message: 'version: say which version contains the fix (e.g. "4.2.1").' };
  }
  const needsReason: Partial<Record<Status, string>> = {
    not_reproducible: 'what was tried and what L1 should find out',
    wont_fix: 'why it will not be fixed',
  };
  const why = reopening ? 'what still fails' : needsReason[req.to];
  if (why && !req.reason?.trim()) return { ok: false, status: 'bad_request', message: `reason: say ${why}.` };
  return { ok: true };
}

/**
 * The statuses `user` may move the incident to, given a reason and version where one is needed:
 * what a client offers. `fixed → closed` is not offered (it needs the customer's verification or a
 * recorded reason why there was none — a separate, deliberate action).
 */
export function allowedTransitions(
  user: User,
  incident: IncidentFacts & { status: Status },
  policy: AccessPolicy = DEFAULT_POLICY,
): Status[] {
  return STATUSES.filter((to) => checkTransitionFor(user, incident, { to, reason: 'given', version: 'given' }, policy).ok);
}
