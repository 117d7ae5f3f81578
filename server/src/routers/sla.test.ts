import type { Role, User } from '@handoff/shared';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context.js';
import { seedDemo } from '../demo.js';
import { openServices } from '../server.js';
import { SlaScheduler } from '../sla/scheduler.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from '../testing.js';
import { createCaller } from './_app.js';

const MIN = 60_000;
const T0 = Date.parse('2026-11-30T10:00:00.000Z');
const at = (ms: number) => new Date(ms).toISOString();

async function badRequest(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCError);
  expect((err as TRPCError).code).toBe('BAD_REQUEST');
  // Called directly, a zod failure is not yet formatted as over HTTP ("field: message").
  const cause = (err as TRPCError).cause;
  if (cause instanceof ZodError) return cause.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return (err as TRPCError).message;
}

describe.each(['sqlite', 'postgres'] as const)('service levels on %s (injected clock)', (engine) => {
  let db: TestDatabase;
  let services: Awaited<ReturnType<typeof openServices>>;
  let now = T0;
  const users = {} as Record<Role, User>;
  const as = (role: Role) => createCaller(createContextInner(services, users[role]));

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    services = await openServices({ dataDir: db.dataDir, databaseUrl: db.databaseUrl, sla: { scheduler: false, now: () => now } });
    for (const [role, token] of Object.entries(await seedDemo(services))) users[role as Role] = (await services.store.userByToken(token))!;
    // The demo has calendars "always" (24/7) and "office-de", plans "standard" and "premium", and a policy per severity.
    await as('lead').sla.calendars.upsert({ id: 'always', name: '24/7', timeZone: 'UTC', alwaysOpen: true });
  });
  afterAll(async () => {
    await services?.close();
    await db?.drop();
  });

  it('refuses bad policies and calendars with a 400 naming the field', async () => {
    const lead = as('lead');
    const policy = { id: 'p', name: 'P', severity: 'high', calendar: 'always', firstResponseMinutes: 60, resolutionMinutes: 240 } as const;
    expect(await badRequest(lead.sla.policies.upsert({ ...policy, calendar: 'office' }))).toBe(
      'calendar: unknown calendar "office". Known calendars: always, office-de.',
    );
    expect(await badRequest(lead.sla.policies.upsert({ ...policy, plan: 'gold' }))).toBe(
      'plan: unknown plan "gold". Known plans: premium, standard (add one with sla.plans.upsert).',
    );
    expect(await badRequest(lead.sla.policies.upsert({ ...policy, firstResponseMinutes: 0 }))).toBe(
      'firstResponseMinutes: firstResponseMinutes must be at least 1 minute',
    );
    expect(await badRequest(lead.sla.policies.upsert({ ...policy, severity: 'urgent' as never }))).toMatch(/^severity: /);
    expect(
      await badRequest(
        lead.sla.calendars.upsert({
          id: 'office',
          name: 'Office',
          timeZone: 'Europe/Berlin',
          hours: {
            mon: [
              { from: '09:00', to: '13:00' },
              { from: '12:00', to: '17:00' },
            ],
          },
        }),
      ),
    ).toBe('hours.mon.1: 09:00–13:00 overlaps or touches 12:00–17:00; merge them into one stretch');
    expect(
      await badRequest(
        lead.sla.calendars.upsert({ id: 'office', name: 'Office', timeZone: 'Europe/Berlin', alwaysOpen: true, holidayCountry: 'QQ' }),
      ),
    ).toBe('holidayCountry: no public holidays are known for "QQ"; use an ISO country code such as "DE".');
    expect(await badRequest(lead.sla.customers.setPlan({ org: 'Northwind', plan: 'gold' }))).toMatch(/^plan: unknown plan "gold"/);
    expect(await badRequest(lead.sla.policies.upsert({ ...policy, id: 'high-other' }))).toBe(
      'severity: policy "high" already covers high incidents for customers without a plan-specific policy; change that policy instead.',
    );
  });

  it('starts the promise at creation, warns at 80 % and breaches once, telling owner, lead and reporter', async () => {
    now = T0;
    await as('lead').sla.policies.upsert({
      id: 'high',
      name: 'High',
      severity: 'high',
      calendar: 'always',
      firstResponseMinutes: 60,
      nextUpdateMinutes: 120,
      resolutionMinutes: 240,
    });
    const { reference } = await as('agent').incidents.create(sampleIncident({ severity: 'high' }));
    const sla = await as('developer').sla.ofIncident({ ref: reference });
    expect(sla?.policy.id).toBe('high');
    expect(sla?.targets.map((t) => [t.kind, t.dueAt, t.state])).toEqual([
      ['first_response', at(T0 + 60 * MIN), 'running'],
      ['resolution', at(T0 + 240 * MIN), 'running'],
    ]);
    // Only this incident's raises (earlier tests' incidents run on the same clock).
    const id = services.incidents.idOf(reference);
    const tick = async () => (await services.sla.scheduler.tick()).filter((f) => f.incidentId === id).map((f) => [f.kind, f.event]);
    now = T0 + 48 * MIN - 1;
    expect(await tick()).toEqual([]);
    now = T0 + 48 * MIN;
    expect(await tick()).toEqual([['first_response', 'warning']]);
    now = T0 + 60 * MIN;
    expect(await tick()).toEqual([['first_response', 'breached']]);
    expect(await tick()).toEqual([]);
    const incident = await as('lead').incidents.byRef({ ref: reference });
    if (incident.access !== 'full') throw new Error('lead sees it in full');
    const raised = incident.timeline.filter((e) => e.kind.startsWith('sla_'));
    expect(raised.map((e) => [e.kind, e.actor.name, e.data.target])).toEqual([
      ['sla_warning', 'Handoff', 'first_response'],
      ['sla_breached', 'Handoff', 'first_response'],
    ]);
    expect(raised[1]?.text).toBe(`First response target breached: it was due ${at(T0 + 60 * MIN)}.`);
    expect(new Set(raised[1]?.data.notify as number[])).toEqual(new Set([users.agent.id, users.lead.id]));
    expect(incident.sla?.targets.find((t) => t.kind === 'first_response')?.state).toBe('breached');
  });

  it('fires a burst of due timers one short transaction at a time, each raise once', async () => {
    now = T0;
    const refs = [];
    for (let n = 0; n < 5; n++) refs.push((await as('agent').incidents.create(sampleIncident({ severity: 'high' }))).reference);
    const ids = new Set(refs.map((r) => services.incidents.idOf(r)));
    // A zero budget: every transaction takes one timer; a batch of 3 makes it look again and again.
    const scheduler = new SlaScheduler(services.store, services.incidents, { now: () => now, budgetMs: 0, batch: 3 });
    const perTransaction: number[] = [];
    scheduler.onTick = ({ fired }) => perTransaction.push(new Set(fired.map((f) => `${f.incidentId}/${f.kind}`)).size);
    now = T0 + 24 * 60 * MIN; // first response and resolution both past due: warning and breach each
    const fired = (await scheduler.tick()).filter((f) => ids.has(f.incidentId));
    const raised = fired.map((f) => `${f.incidentId}/${f.kind}/${f.event}`);
    expect(raised.length).toBe(5 * 2 * 2);
    expect(new Set(raised).size).toBe(raised.length);
    expect(Math.max(...perTransaction)).toBe(1);
    expect((await scheduler.tick()).filter((f) => ids.has(f.incidentId))).toEqual([]);
  });

  it('meets the first response, starts next updates, and pauses while waiting on the customer', async () => {
    now = T0;
    const { reference } = await as('agent').incidents.create(sampleIncident({ severity: 'high' }));
    now = T0 + 10 * MIN;
    await as('developer').incidents.ask({ ref: reference, question: 'Which identity provider?' });
    let sla = await as('developer').sla.ofIncident({ ref: reference });
    expect(sla?.targets.map((t) => [t.kind, t.state, t.metAt, t.remainingMs])).toEqual([
      ['first_response', 'met', at(T0 + 10 * MIN), null],
      ['next_update', 'paused', null, 120 * MIN],
      ['resolution', 'paused', null, 230 * MIN],
    ]);
    now = T0 + 70 * MIN; // an hour later the customer answers
    await as('agent').incidents.answer({ ref: reference, answer: 'Okta' });
    sla = await as('developer').sla.ofIncident({ ref: reference });
    expect(sla?.targets.map((t) => [t.kind, t.state, t.dueAt])).toEqual([
      ['first_response', 'met', null],
      ['next_update', 'running', at(T0 + 190 * MIN)],
      ['resolution', 'running', at(T0 + 300 * MIN)],
    ]);
    now = T0 + 100 * MIN;
    await as('developer').incidents.comment({ ref: reference, text: 'Found it in the SAML handler' });
    sla = await as('developer').sla.ofIncident({ ref: reference });
    expect(sla?.targets.find((t) => t.kind === 'next_update')?.dueAt).toBe(at(T0 + 220 * MIN));
    await as('developer').incidents.transition({ ref: reference, to: 'fixed', version: '4.2.1' });
    sla = await as('developer').sla.ofIncident({ ref: reference });
    expect(sla?.targets.map((t) => t.state)).toEqual(['met', 'met', 'met']);
  });

  it('recomputes open incidents when a policy changes and records it on each', async () => {
    now = T0;
    const { reference } = await as('agent').incidents.create(sampleIncident({ severity: 'high' }));
    now = T0 + 30 * MIN;
    const result = await as('lead').sla.policies.upsert({
      id: 'high',
      name: 'High (faster)',
      severity: 'high',
      calendar: 'always',
      firstResponseMinutes: 45,
      nextUpdateMinutes: 120,
      resolutionMinutes: 180,
    });
    expect(result.recomputed).toBeGreaterThanOrEqual(1);
    const incident = await as('lead').incidents.byRef({ ref: reference });
    if (incident.access !== 'full') throw new Error('lead sees it in full');
    expect(incident.sla?.targets.map((t) => [t.kind, t.dueAt])).toEqual([
      ['first_response', at(T0 + 45 * MIN)],
      ['resolution', at(T0 + 180 * MIN)],
    ]);
    const note = incident.timeline.at(-1);
    expect([note?.kind, note?.actor.name]).toEqual(['sla_changed', 'Handoff']);
    expect(note?.text).toContain('Service-level policy "High (faster)" changed');
    // The change is in the audit log, with the policy before and after.
    const [entry] = await as('admin').audit.list({ action: 'sla.policy.upsert', target: 'policy high' });
    expect(entry).toMatchObject({
      actor: { name: (await as('lead').auth.whoami()).name },
      after: { name: 'High (faster)', firstResponseMinutes: 45, recomputed: result.recomputed },
    });
    expect((entry?.before as { name: string } | null)?.name).not.toBe('High (faster)');
  });

  it('uses the plan-specific policy of the customer organisation', async () => {
    now = T0;
    await as('lead').sla.customers.setPlan({ org: 'Premium Corp', plan: 'premium' });
    await as('lead').sla.policies.upsert({
      id: 'high-premium',
      name: 'High, premium',
      severity: 'high',
      plan: 'premium',
      calendar: 'always',
      firstResponseMinutes: 15,
      resolutionMinutes: 120,
      customerFacing: true,
    });
    const premium = sampleIncident({ severity: 'high', customer: { name: 'Pat', org: 'Premium Corp' } });
    const { reference } = await as('agent').incidents.create(premium);
    const sla = await as('agent').sla.ofIncident({ ref: reference });
    expect([sla?.policy.id, sla?.policy.customerFacing, sla?.targets[0]?.dueAt]).toEqual(['high-premium', true, at(T0 + 15 * MIN)]);
    const list = await as('agent').incidents.list({ reporter: 'me' });
    const line = list.items.find((i) => i.reference === reference);
    expect(line?.access === 'full' ? line.sla?.policy.id : null).toBe('high-premium');
  });

  it('escalates to the next tier’s team and back, recording each with its reason', async () => {
    // The demo's tiers: helpdesk (1); accounts, billing, platform, mobile (2); engineering (3).
    const admin = as('admin');
    await admin.teams.upsert({ id: 'core', name: 'Core sign-in engineering', tier: 3 });
    await admin.routing.add({ category: 'login', team: 'core' });
    const { reference, team } = await as('agent').incidents.create(sampleIncident());
    expect(team).toBe('accounts');
    const up = await as('agent').incidents.escalate({ ref: reference, reason: 'A bug in the session store' });
    expect([up.team, up.owner, up.entries[0]?.kind, up.entries[0]?.data]).toEqual([
      'core',
      null,
      'escalated',
      { fromTeam: 'accounts', toTeam: 'core', fromTier: 2, toTier: 3, reason: 'A bug in the session store' },
    ]);
    expect(await badRequest(admin.incidents.escalate({ ref: reference, reason: 'Higher still' }))).toMatch(
      /already with tier 3 \(engineering\)/,
    );
    const back = await admin.incidents.deescalate({ ref: reference, reason: 'Configuration, not a bug' });
    expect([back.team, back.entries[0]?.data.toTier]).toEqual(['accounts', 2]);
    const helpdesk = await admin.incidents.deescalate({ ref: reference, reason: 'The customer can fix it themselves' });
    expect([helpdesk.team, helpdesk.entries[0]?.data.toTier]).toEqual(['helpdesk', 1]);
    expect(await badRequest(admin.incidents.deescalate({ ref: reference, reason: 'Lower still' }))).toMatch(/there is no lower tier/);
    expect(await badRequest(admin.incidents.escalate({ ref: reference, reason: 'ab' }))).toBe(
      'reason: say why it moves to another tier (at least 3 characters)',
    );
  });
  it('records plans and customers’ plans in the audit log, in the write that changes them', async () => {
    const lead = as('lead');
    const admin = as('admin');
    const leadName = (await lead.auth.whoami()).name;
    const audit = async (target: string) =>
      (await admin.audit.list({ target })).map((e) => [e.action, e.actor.name, e.before, e.after]).reverse();
    await lead.sla.plans.upsert({ id: 'gold', name: 'Gold' });
    await lead.sla.plans.upsert({ id: 'gold', name: 'Gold (24/7)' });
    expect(await audit('plan gold')).toEqual([
      ['sla.plan.upsert', leadName, null, { id: 'gold', name: 'Gold' }],
      ['sla.plan.upsert', leadName, { id: 'gold', name: 'Gold' }, { id: 'gold', name: 'Gold (24/7)' }],
    ]);
    // A refused assignment changes nothing and leaves no entry.
    expect(await badRequest(lead.sla.customers.setPlan({ org: 'Initech', plan: 'platinum' }))).toMatch(/^plan: unknown plan "platinum"/);
    expect(await audit('customer Initech')).toEqual([]);
    // An open incident of Initech follows its plan: "gold" has no policy of its own, "premium" has one for high.
    now = T0;
    const { reference } = await as('agent').incidents.create(
      sampleIncident({ severity: 'high', customer: { name: 'Ida', org: 'Initech' } }),
    );
    const policyOf = async () => (await lead.sla.ofIncident({ ref: reference }))?.policy.id;
    expect(await policyOf()).toBe('high');
    expect(await lead.sla.customers.setPlan({ org: 'Initech', plan: 'gold' })).toEqual({ org: 'Initech', plan: 'gold', recomputed: 0 });
    expect(await lead.sla.customers.setPlan({ org: 'Initech', plan: 'premium' })).toEqual({
      org: 'Initech',
      plan: 'premium',
      recomputed: 1,
    });
    expect(await policyOf()).toBe('high-premium');
    const removed = await lead.sla.customers.removePlan({ org: 'Initech' });
    expect(removed).toEqual({ org: 'Initech', plan: 'premium', recomputed: 1 });
    expect(await policyOf()).toBe('high');
    const incident = await lead.incidents.byRef({ ref: reference });
    if (incident.access !== 'full') throw new Error('the lead sees it in full');
    expect(incident.timeline.filter((e) => e.kind === 'sla_changed').map((e) => e.text.split(';')[0])).toEqual([
      'Customer "Initech" moved to plan "premium"',
      'Customer "Initech" taken off its plan',
    ]);
    expect((await lead.sla.customers.list()).find((c) => c.org === 'Initech')).toBeUndefined();
    expect(await audit('customer Initech')).toEqual([
      ['sla.customer.setPlan', leadName, null, { org: 'Initech', plan: 'gold' }],
      ['sla.customer.setPlan', leadName, { org: 'Initech', plan: 'gold' }, { org: 'Initech', plan: 'premium' }],
      ['sla.customer.removePlan', leadName, { org: 'Initech', plan: 'premium' }, null],
    ]);
    // LIKE's wildcards and JSON's escapes in a name neither miss the organisation nor catch another.
    const odd = 'Foo_Bar 100% "Q" \\ Ltd';
    for (const org of [odd, 'FooXBar 100% "Q" \\ Ltd']) {
      await as('agent').incidents.create(sampleIncident({ severity: 'high', customer: { name: 'Ode', org } }));
    }
    expect((await lead.sla.customers.setPlan({ org: odd, plan: 'premium' })).recomputed).toBe(1);
    const again = await lead.sla.customers.removePlan({ org: 'Initech' }).catch((e: unknown) => e);
    expect([(again as TRPCError).code, (again as TRPCError).message]).toEqual([
      'NOT_FOUND',
      'A plan for customer "Initech" was not found.',
    ]);
    const agentTry = await as('agent')
      .sla.customers.removePlan({ org: 'Premium Corp' })
      .catch((e: unknown) => e);
    expect((agentTry as TRPCError).code).toBe('FORBIDDEN');
  });
});
