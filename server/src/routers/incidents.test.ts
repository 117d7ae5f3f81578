import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateResultSchema, type Incident, IncidentChangeSchema, IncidentSchema, type Role, type User } from '@handoff/shared';
import { createContextInner } from '../context.js';
import { sampleIncident } from '../testing.js';
import { createCaller } from './_app.js';
import { type DemoCallers, openDemoCallers } from './demoCallers.testutil.js';

async function expectCode(p: Promise<unknown>, code: TRPCError['code'], message?: RegExp) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'expected the call to fail').toBeInstanceOf(TRPCError);
  expect((err as TRPCError).code).toBe(code);
  if (message) expect((err as TRPCError).message).toMatch(message);
}

/** The whole incident as `caller` sees it; fails when the caller sees only its outline. */
async function whole(caller: ReturnType<DemoCallers['as']>, ref: string): Promise<Incident> {
  const view = await caller.incidents.byRef({ ref });
  expect(view.access).toBe('full');
  return IncidentSchema.parse(view);
}

describe.each(['sqlite', 'postgres'] as const)('incidents on %s', (engine) => {
  let h: DemoCallers;
  let services: DemoCallers['services'];
  let users: DemoCallers['users'];
  const as = (who: Role | User) => h.as(who);

  beforeAll(async () => {
    h = await openDemoCallers(engine);
    ({ services, users } = h);
  });
  afterAll(() => h?.close());

  it('creates an incident with a reference, routes it, and records who created it', async () => {
    const created = await as('agent').incidents.create(sampleIncident());
    expect(CreateResultSchema.parse(created)).toEqual(created); // a lean answer: the reference and where it went
    expect(created).toEqual({ reference: expect.stringMatching(/^INC-\d+$/), status: 'new', team: 'accounts', created: true });
    const inc = await whole(as('developer'), created.reference);
    expect(await whole(as('agent'), created.reference)).toEqual(inc);
    expect(inc.status).toBe('new');
    expect(inc.team).toBe('accounts'); // routing rule: login → accounts
    expect(inc.reporter.name).toBe('Alice Agent');
    expect(inc.timeline).toHaveLength(1);
    expect(inc.timeline[0]).toMatchObject({ kind: 'created', actor: { name: 'Alice Agent' } });
    expect(inc.steps[1]).toEqual({ action: 'Enter valid credentials and submit', expected: 'Dashboard', actual: 'Error page' });
    expect(inc.templateVersion).toBe(1);
  });

  it('is idempotent: the same key gives the same incident, never a second one', async () => {
    const input = sampleIncident();
    const [a, b] = await Promise.all([as('agent').incidents.create(input), as('agent').incidents.create(input)]);
    const c = await as('agent').incidents.create(input);
    expect(b.reference).toBe(a.reference);
    expect(c).toEqual({ ...a, created: false });
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const count = await services.store.db
      .selectFrom('incidents')
      .select((e) => e.fn.countAll().as('n'))
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('rejects a missing required answer naming the question', async () => {
    const input = sampleIncident({ answers: { error_message: 'x', sso: 'SSO', scope: 'Everyone' } });
    await expectCode(as('agent').incidents.create(input), 'BAD_REQUEST', /other_browser/);
  });

  it('rejects an unknown category with the known ones', async () => {
    await expectCode(as('agent').incidents.create(sampleIncident({ category: 'weather' })), 'BAD_REQUEST', /Known categories: .*login/);
  });

  it('opens by any spelling of the reference; unknown or malformed refs are named', async () => {
    const inc = await as('agent').incidents.create(sampleIncident());
    const num = inc.reference.slice(4);
    for (const ref of [inc.reference, inc.reference.toLowerCase(), `inc ${num}`, `#${num}`, num]) {
      expect((await as('developer').incidents.byRef({ ref })).reference).toBe(inc.reference);
    }
    await expectCode(as('developer').incidents.byRef({ ref: 'INC-999999' }), 'NOT_FOUND', /INC-999999/);
    await expectCode(as('developer').incidents.byRef({ ref: 'BUG-12' }), 'BAD_REQUEST', /BUG-12/);
  });

  it('lists with filters and cursor pagination, newest first, without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) await as('agent').incidents.create(sampleIncident({ title: `Paged incident ${i}` }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await as('developer').incidents.list({ team: 'accounts', limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      for (const item of page.items) expect(item.team).toBe('accounts');
      seen.push(...page.items.map((i) => i.reference));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await as('developer').incidents.list({ team: 'accounts', limit: 100 });
    expect(seen).toEqual(all.items.map((i) => i.reference));
    const mine = await as('agent').incidents.list({ reporter: 'me', status: ['new'], limit: 100 });
    expect(mine.items.every((i) => i.access === 'full' && i.reporter.id === users.agent.id && i.status === 'new')).toBe(true);
    const future = await as('developer').incidents.list({ updatedSince: new Date(Date.now() + 60_000).toISOString() });
    expect(future.items).toEqual([]);
    await expectCode(as('developer').incidents.list({ cursor: 'garbage' }), 'BAD_REQUEST', /cursor/);
  });

  it('lists several statuses at once as one newest-first sequence, paged by cursor', async () => {
    const refs: string[] = [];
    for (let i = 0; i < 6; i++) refs.push((await as('agent').incidents.create(sampleIncident({ title: `Status mix ${i}` }))).reference);
    for (const ref of refs.slice(0, 3)) await as('developer').incidents.transition({ ref, to: 'in_progress' });
    const statuses = ['new', 'in_progress'] as const;
    const every = (await as('developer').incidents.list({ limit: 100 })).items;
    const expected = every.filter((i) => (statuses as readonly string[]).includes(i.status)).map((i) => i.reference);
    expect(expected.length).toBeGreaterThan(6);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await as('developer').incidents.list({ status: [...statuses], limit: 2, cursor });
      seen.push(...page.items.map((i) => i.reference));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it('searches title, description and steps, ranked, on stack-trace text too', async () => {
    const target = await as('agent').incidents.create(
      sampleIncident({
        title: 'Checkout crashes in CartReducer',
        description: 'TypeError at CartReducer.ts:43 when the basket is empty',
        category: 'crash',
        answers: { crash_message: 'TypeError', last_action: 'Checkout', every_time: 'Every time' },
      }),
    );
    await as('agent').incidents.create(
      sampleIncident({ title: 'Unrelated printer question', description: 'The invoice printer margin is odd', steps: [] }),
    );
    const byTrace = await as('agent').incidents.search({ text: 'CartReducer.ts:43' });
    expect(byTrace[0]?.reference).toBe(target.reference);
    const byWords = await as('agent').incidents.search({ text: 'checkout crash empty basket' });
    expect(byWords[0]?.reference).toBe(target.reference);
    const byStep = await as('agent').incidents.search({ text: 'credentials submit' });
    expect(byStep.length).toBeGreaterThan(0);
    const typing = await as('agent').incidents.search({ text: 'CartRed' });
    expect(typing.map((i) => i.reference)).toContain(target.reference);
    expect(await as('agent').incidents.search({ text: 'the and of' })).toEqual([]);
  });

  it('enforces the status machine and the roles on transitions, and appends to the timeline', async () => {
    const { reference: ref } = await as('agent').incidents.create(sampleIncident());
    await expectCode(as('agent').incidents.transition({ ref, to: 'triaged' }), 'FORBIDDEN', /developers and leads/);
    await expectCode(as('developer').incidents.transition({ ref, to: 'fixed', version: '1' }), 'BAD_REQUEST', /allowed statuses/);
    await as('developer').incidents.transition({ ref, to: 'in_progress' });
    await expectCode(as('developer').incidents.transition({ ref, to: 'fixed' }), 'BAD_REQUEST', /version/);
    await expectCode(as('agent').incidents.transition({ ref, to: 'fixed', version: '4.2.1' }), 'FORBIDDEN');
    const fixed = await as('developer').incidents.transition({ ref, to: 'fixed', version: '4.2.1' });
    expect(fixed.fixedInVersion).toBe('4.2.1');
    await expectCode(as('agent').incidents.transition({ ref, to: 'closed' }), 'BAD_REQUEST', /verif/);
    await expectCode(as('developer').incidents.transition({ ref, to: 'verified' }), 'FORBIDDEN', /person who reported it or a lead/);
    await as('agent').incidents.transition({ ref, to: 'verified' });
    const closed = await as('agent').incidents.transition({ ref, to: 'closed' });
    expect(IncidentChangeSchema.parse(closed)).toEqual(closed); // the change, not the whole incident
    expect(closed.status).toBe('closed');
    expect(closed.entries.map((t) => [t.kind, t.text])).toEqual([['status_changed', 'Status verified → closed']]);
    const timeline = (await whole(as('agent'), ref)).timeline;
    expect(timeline.map((t) => t.kind)).toEqual(['created', 'status_changed', 'status_changed', 'verified', 'status_changed']);
    await expectCode(as('agent').incidents.transition({ ref, to: 'in_progress' }), 'BAD_REQUEST', /what still fails/);
  });

  it('closes a fixed incident unverified only with a recorded reason', async () => {
    const { reference: ref } = await as('agent').incidents.create(sampleIncident());
    await as('developer').incidents.transition({ ref, to: 'in_progress' });
    await as('developer').incidents.transition({ ref, to: 'fixed', version: '5.0' });
    const closed = await as('lead').incidents.transition({ ref, to: 'closed', unverifiedReason: 'Customer left the company' });
    expect(closed.entries.at(-1)?.text).toMatch(/without customer verification: Customer left/);
  });

  it('closes a fixed incident the customer confirmed in one step: verified, then closed, each checked and recorded', async () => {
    const { reference: ref } = await as('agent').incidents.create(sampleIncident());
    await expectCode(
      as('agent').incidents.transition({ ref, to: 'closed', customerConfirmed: true }),
      'BAD_REQUEST',
      /customerConfirmed: .* is new/,
    );
    await as('developer').incidents.transition({ ref, to: 'in_progress' });
    await as('developer').incidents.transition({ ref, to: 'fixed', version: '5.1' });
    await expectCode(as('agent').incidents.transition({ ref, to: 'verified', customerConfirmed: true }), 'BAD_REQUEST', /to: "closed"/);
    await expectCode(
      as('agent').incidents.transition({ ref, to: 'closed', customerConfirmed: true, unverifiedReason: 'No answer' }),
      'BAD_REQUEST',
      /one of them/,
    );
    // The verification is the reporter's or a lead's, whichever way it is sent; nothing is written when refused.
    await expectCode(
      as('developer').incidents.transition({ ref, to: 'closed', customerConfirmed: true }),
      'FORBIDDEN',
      /person who reported it/,
    );
    expect((await whole(as('agent'), ref)).status).toBe('fixed');
    const closed = await as('agent').incidents.transition({ ref, to: 'closed', customerConfirmed: true });
    expect(closed.status).toBe('closed');
    expect(closed.entries.map((t) => [t.kind, t.text])).toEqual([
      ['verified', 'Status fixed → verified'],
      ['status_changed', 'Status verified → closed'],
    ]);
    expect((await whole(as('agent'), ref)).timeline.map((t) => t.kind).slice(-2)).toEqual(['verified', 'status_changed']);
    await expectCode(as('agent').incidents.transition({ ref, to: 'closed', customerConfirmed: true }), 'BAD_REQUEST', /is closed/);
  });

  it('assigns, comments, asks and answers, each recorded with who', async () => {
    const { reference: ref } = await as('agent').incidents.create(sampleIncident());
    await expectCode(as('agent').incidents.assign({ ref, owner: 'me' }), 'FORBIDDEN');
    const assigned = await as('developer').incidents.assign({ ref, owner: 'me', team: 'platform' });
    expect(assigned.owner?.name).toBe('Dev Dana');
    expect(assigned.team).toBe('platform');
    await expectCode(as('developer').incidents.assign({ ref, owner: 'me', team: 'nope' }), 'BAD_REQUEST', /team: unknown team/);
    await as('lead').incidents.comment({ ref, text: 'Seen this at two customers' });
    const asked = await as('developer').incidents.ask({ ref, question: 'Which Safari version exactly?' });
    expect(asked.status).toBe('needs_info');
    await expectCode(as('developer').incidents.answer({ ref, answer: '18.1' }), 'FORBIDDEN');
    const answered = await as('agent').incidents.answer({ ref, answer: 'Safari 18.1 on macOS 15.1' });
    expect(answered.status).toBe('in_progress');
    expect((await whole(as('developer'), ref)).timeline.map((t) => [t.kind, t.actor.name])).toEqual([
      ['created', 'Alice Agent'],
      ['assigned', 'Dev Dana'],
      ['comment', 'Lee Lead'],
      ['question', 'Dev Dana'],
      ['answer', 'Alice Agent'],
    ]);
  });

  it('could-not-reproduce needs notes and goes back to L1', async () => {
    const { reference: ref } = await as('agent').incidents.create(sampleIncident());
    await expectCode(as('developer').incidents.reproduction({ ref, result: 'not_reproduced', notes: '' }), 'BAD_REQUEST', /notes/);
    const back = await as('developer').incidents.reproduction({
      ref,
      result: 'not_reproduced',
      notes: 'Works on 4.2.0 with Safari 18',
      environment: { os: 'macOS 15' },
    });
    expect(back.status).toBe('needs_info');
    expect(back.entries.map((e) => e.kind)).toEqual(['reproduction', 'status_changed']);
    expect(back.entries[0]?.text).toMatch(/Could not reproduce \(os=macOS 15\)/);
  });

  it('links duplicates and counts affected customers, idempotently for extra customers', async () => {
    const original = await as('agent').incidents.create(sampleIncident());
    const dup = await as('agent').incidents.create(sampleIncident());
    const after = await as('developer').incidents.linkDuplicate({ ref: dup.reference, of: original.reference });
    expect(after).toMatchObject({ reference: dup.reference, status: 'duplicate', duplicateOf: original.reference });
    expect((await whole(as('developer'), original.reference)).affectedCustomers).toBe(2);
    expect((await as('agent').incidents.byRef({ ref: dup.reference })).status).toBe('duplicate');
    const link = {
      ref: original.reference,
      idempotencyKey: crypto.randomUUID(),
      customer: { name: 'Bob' },
      crm: { system: 'hubspot', ticketId: '77' },
    };
    await as('agent').incidents.addAffectedCustomer(link);
    const again = await as('agent').incidents.addAffectedCustomer(link);
    expect(again).toEqual({ reference: original.reference, affectedCustomers: 3 });
    // A customer added to the duplicate counts on the original it points at.
    const onDup = await as('agent').incidents.addAffectedCustomer({ ...link, ref: dup.reference, idempotencyKey: crypto.randomUUID() });
    expect(onDup).toEqual({ reference: original.reference, affectedCustomers: 4 });
    await expectCode(as('developer').incidents.linkDuplicate({ ref: original.reference, of: original.reference }), 'BAD_REQUEST', /itself/);
  });

  it('updates fields and refuses agents editing others’ incidents', async () => {
    const { reference: ref } = await as('agent').incidents.create(sampleIncident());
    const updated = await as('developer').incidents.update({ ref, patch: { severity: 'critical', workaround: 'Use the app' } });
    expect(updated.entries.map((e) => e.text)).toEqual(['Changed workaround, severity']);
    const after = await whole(as('developer'), ref);
    expect([after.severity, after.workaround]).toEqual(['critical', 'Use the app']);
    const other = await services.store.addUser({ name: 'Other Agent', role: 'agent', teams: [] });
    await expectCode(as(other.user).incidents.update({ ref, patch: { title: 'Mine now' } }), 'FORBIDDEN');
    await expectCode(as('developer').incidents.update({ ref, patch: {} }), 'BAD_REQUEST', /at least one field/);
  });

  it('versions templates; only leads and admins change them', async () => {
    const input = {
      category: 'login',
      label: 'Sign-in',
      questions: [{ id: 'when', text: 'When did it start?', why: 'Dates releases', required: true, kind: 'text' as const }],
    };
    await expectCode(as('developer').templates.upsert(input), 'FORBIDDEN', /leads and admins/);
    const t = await as('lead').templates.upsert(input);
    expect(t.version).toBe(2);
    const list = await as('agent').templates.list();
    expect(list.find((x) => x.category === 'login')?.version).toBe(2);
    expect(list.map((x) => x.category)).toEqual(['billing', 'crash', 'data', 'installation', 'integration', 'login', 'performance']);
    await expectCode(as('agent').incidents.create(sampleIncident()), 'BAD_REQUEST', /"when"/);
  });

  it('suggests products with their versions and components, most used first', async () => {
    const catalog = await as('agent').catalog.products();
    const acme = catalog.find((p) => p.product === 'Acme Cloud');
    expect(acme?.versions[0]).toBe('4.2.0'); // the demo data and these tests use 4.2.0 most
    expect(acme?.versions).toContain('4.1.3');
    expect(acme?.components).toContain('Web app');
  });

  it('suggests teams from routing rules, most specific first', async () => {
    expect(await as('agent').routing.suggest({ category: 'crash' })).toEqual({ team: 'platform' });
    expect(await as('agent').routing.suggest({ category: 'crash', component: 'iOS app' })).toEqual({ team: 'mobile' });
    expect(await as('agent').routing.suggest({ category: 'unknown' })).toEqual({ team: null });
  });

  it('distinguishes no user (401) from a wrong role (403)', async () => {
    await expectCode(createCaller(createContextInner(services, null)).auth.whoami(), 'UNAUTHORIZED');
    await expectCode(as('reviewer').incidents.create(sampleIncident()), 'FORBIDDEN', /you are signed in as reviewer/);
    expect(await as('developer').auth.whoami()).toEqual({ ...users.developer, visibility: 'team' });
  });
});
