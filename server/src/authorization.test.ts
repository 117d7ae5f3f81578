import {
  ACTIONS,
  type Action,
  matrixAllows,
  RELATIONS,
  ROLES,
  type Relation,
  type Role,
  type User,
  type Visibility,
} from '@handoff/shared';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from './context.js';
import { createCaller } from './routers/_app.js';
import { openServices } from './server.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from './testing.js';

/**
 * The server's authorization tests, generated from the permission matrix in shared (the model
 * written out cell by cell): every action × role × relation to the incident, under both
 * visibilities, against a real store on both engines. A cell the matrix denies must be a 403;
 * a cell it allows must never be refused for who the caller is (it may still fail for what
 * the incident's state allows — a 400, or a 403 about a status move, never about access).
 */

type Services = Awaited<ReturnType<typeof openServices>>;
type Caller = ReturnType<typeof createCaller>;

/** How each action is exercised through the API; `ref` is an incident in the relation under test. */
interface Probe {
  call: (as: Caller, ctx: Setup) => Promise<unknown>;
}
interface Setup {
  ref: string;
  me: User;
  /** An incident of the caller's own team the caller reported (a valid duplicate to link). */
  mine: string;
  /** An incident of team alpha nobody in the test touches (an original to link to). */
  neutral: string;
  relation: Relation;
  n: number;
  /** Someone not in the caller's team (whose tokens are not the caller's). */
  other: User;
}

const customer = { customer: { name: 'Carla Customer', email: 'carla@example.com' }, crm: { system: 'zendesk', ticketId: '9' } };

const PROBES: Record<Action, Probe> = {
  'incident.create': { call: (as) => as.incidents.create(sampleIncident({ category: 'general', answers: {} })) },
  'incident.read': { call: (as, s) => as.incidents.timeline({ ref: s.ref, beforeId: 2_000_000_000 }) },
  'incident.summary': { call: (as, s) => as.incidents.byRef({ ref: s.ref }) },
  'incident.follow': { call: (as, s) => as.events.onChange({ ref: s.ref }) },
  'incident.update': { call: (as, s) => as.incidents.update({ ref: s.ref, patch: { severity: 'low' } }) },
  'incident.assign': { call: (as, s) => as.incidents.assign({ ref: s.ref, owner: null }) },
  'incident.comment': { call: (as, s) => as.incidents.comment({ ref: s.ref, text: 'A note' }) },
  'incident.ask': { call: (as, s) => as.incidents.ask({ ref: s.ref, question: 'Which browser?' }) },
  'incident.answer': { call: (as, s) => as.incidents.answer({ ref: s.ref, answer: 'Firefox 128' }) },
  'incident.reproduce': { call: (as, s) => as.incidents.reproduction({ ref: s.ref, result: 'reproduced' }) },
  'incident.recordBranch': { call: (as, s) => as.incidents.recordBranch({ ref: s.ref, branch: 'fix/inc' }) },
  'incident.transition': { call: (as, s) => as.incidents.transition({ ref: s.ref, to: 'triaged' }) },
  'incident.linkDuplicate': { call: (as, s) => as.incidents.linkDuplicate({ ref: s.ref, of: s.neutral }) },
  'incident.linkOriginal': { call: (as, s) => as.incidents.linkDuplicate({ ref: s.mine, of: s.ref }) },
  'incident.addAffectedCustomer': {
    call: (as, s) => as.incidents.addAffectedCustomer({ ref: s.ref, idempotencyKey: crypto.randomUUID(), ...customer }),
  },
  'incident.share': { call: (as, s) => as.incidents.share({ ref: s.ref }) },
  'release.read': { call: (as, s) => as.releases.byVersion({ version: s.relation === 'ownTeam' ? 'fixes-alpha' : 'fixes-beta' }) },
  'release.create': { call: (as, s) => as.releases.create({ version: `r-${s.n}`, plannedDate: '2026-12-24' }) },
  'release.ship': { call: (as, s) => as.releases.ship({ version: `planned-${s.n}` }) },
  'release.feedback': { call: (as) => as.releases.feedback({ version: 'fixes-alpha', verdict: 'ready' }) },
  'team.list': { call: (as) => as.teams.list() },
  'team.create': { call: (as, s) => as.teams.upsert({ id: `t${s.n}`, name: 'New team' }) },
  'team.rename': { call: (as, s) => as.teams.upsert({ id: s.relation === 'ownTeam' ? 'alpha' : 'beta', name: `Renamed ${s.n}` }) },
  'routing.read': { call: (as) => as.routing.list() },
  'routing.manage': {
    call: (as, s) => as.routing.add({ category: 'general', component: `c${s.n}`, team: s.relation === 'ownTeam' ? 'alpha' : 'beta' }),
  },
  'incident.escalate': { call: (as, s) => as.incidents.escalate({ ref: s.ref, reason: 'Needs the technical team' }) },
  'incident.deescalate': { call: (as, s) => as.incidents.deescalate({ ref: s.ref, reason: 'Back to the helpdesk' }) },
  'sla.read': { call: (as) => as.sla.policies.list() },
  'sla.manage': { call: (as, s) => as.sla.plans.upsert({ id: `plan-${s.n}`, name: 'Plan' }) },
  'template.read': { call: (as) => as.templates.list() },
  'template.manage': { call: (as) => as.templates.upsert({ category: 'general', label: 'General', questions: [] }) },
  'catalog.read': { call: (as) => as.catalog.products() },
  'user.list': { call: (as) => as.users.list() },
  'insights.read': { call: (as) => as.insights.volume({}) },
  'insights.warnings': { call: (as) => as.insights.onUpgradeWarning({}) },
  'incident.recordSolution': { call: (as, s) => as.knownSolutions.record({ ref: s.ref, solution: 'Cleared the cache' }) },
  'incident.resolveKnown': {
    call: (as, s) => as.knownSolutions.resolve({ ...sampleIncident({ category: 'general', answers: {} }), group: s.ref }),
  },
  'knownSolution.read': { call: (as) => as.knownSolutions.similar({ text: 'export' }) },
  'knownSolution.publish': { call: (as, s) => as.knownSolutions.publish({ ref: s.ref, published: true }) },
  'user.add': { call: (as, s) => as.users.add({ name: `New ${s.n}`, role: 'agent' }) },
  'customer.export': { call: (as) => as.customers.export({ email: 'carla@example.com' }) },
  'customer.erase': { call: (as, s) => as.customers.erase({ email: `nobody-${s.n}@example.com`, reason: 'probe' }) },
  'feed.read': { call: (as) => as.feeds.token() },
  'user.manage': { call: (as) => as.users.accounts() },
  'token.manage': { call: (as, s) => as.tokens.list({ userId: s.other.id }) },
  'token.own': { call: (as) => as.tokens.list({ includeRevoked: true }) },
  'mail.own': { call: (as) => as.users.setMailSettings({ email: 'me@example.com', mode: 'mine', lang: 'en' }) },
  'audit.read': { call: (as) => as.audit.list({ limit: 5 }) },
  'crmMapping.read': { call: (as, s) => as.crm.mappings.list({ team: s.relation === 'ownTeam' ? 'alpha' : 'beta' }) },
  'crmMapping.manage': {
    call: (as, s) =>
      as.crm.mappings.upsert({
        team: s.relation === 'ownTeam' ? 'alpha' : 'beta',
        origin: `https://desk${s.n}.example.com`,
        fields: { subject: { css: '#subject' } },
      }),
  },
};

/** Actions about a team or release: only "own team" and "other team" mean anything there. */
const TEAM_SCOPED = new Set<Action>(['team.rename', 'routing.manage', 'release.read', 'crmMapping.read', 'crmMapping.manage']);
const SUBJECTLESS = new Set<Action>(
  ACTIONS.filter((a) => !a.startsWith('incident.') || a === 'incident.create').filter((a) => !TEAM_SCOPED.has(a)),
);

/** Whether a failure is a refusal of *who* is asking (access), as opposed to the incident's state. */
function isAccessRefusal(err: unknown): boolean {
  if (!(err instanceof TRPCError) || err.code !== 'FORBIDDEN') return false;
  return !/^Moving an incident to /.test(err.message);
}

describe.each(['sqlite', 'postgres'] as const)('authorization matrix on %s', (engine) => {
  let db: TestDatabase;
  const services = {} as Record<Visibility, Services>;
  const users = {} as Record<Role, User>;
  let reporter: User;
  let owner: User;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    services.team = await openServices({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    // The same store seen with `open` visibility: only the policy differs.
    services.open = { ...services.team, policy: { visibility: 'open' } };
    const { store } = services.team;
    await store.upsertTeam({ id: 'alpha', name: 'Alpha' });
    await store.upsertTeam({ id: 'beta', name: 'Beta' });
    await store.upsertTemplate({ category: 'general', label: 'General', questions: [] });
    for (const role of ROLES) users[role] = (await store.addUser({ name: `${role} of alpha`, role, teams: ['alpha'] })).user;
    reporter = (await store.addUser({ name: 'Beta agent', role: 'agent', teams: ['beta'] })).user;
    owner = (await store.addUser({ name: 'Beta developer', role: 'developer', teams: ['beta'] })).user;
    for (const [version, team] of [
      ['fixes-alpha', 'alpha'],
      ['fixes-beta', 'beta'],
    ] as const) {
      const ref = await incidentIn(team === 'alpha' ? 'ownTeam' : 'otherTeam', users.agent);
      await services.team.releases.create({ version, plannedDate: '2026-12-24', notes: '', fixes: [ref], knownIssues: [] }, owner.id);
    }
  });
  afterAll(async () => {
    await services.team?.close();
    await db?.drop();
  });

  /** A fresh incident in `relation` to `me` (see shared/src/permissionMatrix.ts). */
  async function incidentIn(relation: Relation, me: User, title?: string): Promise<string> {
    const { incidents, store } = services.team;
    const { reference } = await incidents.create(
      {
        ...sampleIncident({ category: 'general', answers: {}, ...(title ? { title } : {}) }),
        attachments: [],
        steps: [],
        environment: {},
        reproducedByAgent: false,
      },
      reporter,
    );
    const set = {
      team: relation === 'ownTeam' ? 'alpha' : relation === 'noTeam' ? null : 'beta',
      reporter_id: relation === 'ownReport' ? me.id : reporter.id,
      owner_id: relation === 'owner' ? me.id : owner.id,
      participants: JSON.stringify(relation === 'asked' ? [me.id] : []),
    };
    await store.write((trx) => trx.updateTable('incidents').set(set).where('id', '=', incidents.idOf(reference)).execute());
    return reference;
  }

  const visibilities: Visibility[] = ['team', 'open'];
  for (const visibility of visibilities) {
    for (const action of ACTIONS) {
      const relations: readonly Relation[] = SUBJECTLESS.has(action)
        ? ['ownTeam']
        : TEAM_SCOPED.has(action)
          ? ['ownTeam', 'otherTeam']
          : RELATIONS;
      it(`${visibility}: ${action}`, async () => {
        const cells: string[] = [];
        for (const role of ROLES) {
          for (const relation of relations) {
            const me = users[role];
            n += 1;
            const setup: Setup = {
              ref: await incidentIn(relation, me),
              mine: await incidentIn('ownTeam', me).then(async (ref) => {
                await services.team.store.write((trx) =>
                  trx.updateTable('incidents').set({ reporter_id: me.id }).where('id', '=', services.team.incidents.idOf(ref)).execute(),
                );
                return ref;
              }),
              neutral: await incidentIn('ownTeam', me),
              relation,
              me,
              n,
              other: reporter,
            };
            if (action === 'incident.answer')
              await services.team.incidents.change(services.team.incidents.idOf(setup.ref), owner.id, () => [
                { kind: 'question', text: 'Which browser?', set: { status: 'needs_info' } },
              ]);
            if (action === 'release.ship')
              await services.team.releases.create(
                { version: `planned-${n}`, plannedDate: '2026-12-24', notes: '', fixes: [], knownIssues: [] },
                owner.id,
              );
            const caller = createCaller(createContextInner(services[visibility], me));
            const outcome = await PROBES[action].call(caller, setup).then(
              () => 'allowed',
              (err: unknown) => (isAccessRefusal(err) ? 'refused' : 'allowed'),
            );
            const expected = matrixAllows(visibility, action, role, SUBJECTLESS.has(action) ? undefined : relation) ? 'allowed' : 'refused';
            cells.push(`${role} ${relation}: ${outcome}${outcome === expected ? '' : ` (matrix: ${expected})`}`);
          }
        }
        expect(cells.filter((c) => c.includes('(matrix:'))).toEqual([]);
        expect(cells).toHaveLength(ROLES.length * relations.length);
      });
    }
  }

  it('shows another team only the summary: never its customers, answers, attachments or timeline', async () => {
    const ref = await incidentIn('otherTeam', users.developer, 'Quarterly zeppelin export stalls');
    const view = await createCaller(createContextInner(services.team, users.developer)).incidents.byRef({ ref });
    expect(view.access).toBe('summary');
    expect(Object.keys(view).sort()).toEqual(
      [
        'access',
        'affectedCustomers',
        'duplicateOf',
        'fixedInVersion',
        'owner',
        'reference',
        'status',
        'team',
        'title',
        'updatedAt',
        'workaround',
      ].sort(),
    );
    expect(JSON.stringify(view)).not.toMatch(/Jane|example\.com|CartReducer/);
    const found = await createCaller(createContextInner(services.team, users.agent)).incidents.search({ text: 'quarterly zeppelin' });
    const hit = found.find((i) => i.reference === ref);
    expect(hit?.access).toBe('summary');
    expect(JSON.stringify(hit)).not.toMatch(/Jane|example\.com/);
    const listed = await createCaller(createContextInner(services.team, users.agent)).incidents.list({ team: 'beta', limit: 100 });
    expect(listed.items.find((i) => i.reference === ref)?.access).toBe('summary');
    // Beta incidents the agent reported, owns or was asked about are theirs to see in full.
    const full = listed.items.filter((i) => i.access === 'full');
    expect(full.length).toBeGreaterThan(0);
    expect(
      full.every(
        (i) => i.access === 'full' && (i.reporter.id === users.agent.id || i.owner?.id === users.agent.id || i.reporter.id === reporter.id),
      ),
    ).toBe(true);
  });

  it('lists another person’s reports only within one’s own teams', async () => {
    const other = await createCaller(createContextInner(services.team, users.developer)).incidents.list({
      reporter: reporter.id,
      limit: 100,
    });
    expect(other.items.every((i) => i.team === 'alpha')).toBe(true);
  });
});
