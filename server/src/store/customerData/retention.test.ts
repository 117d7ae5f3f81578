import { type Incident, IncidentSchema, type Role, type User } from '@handoff/shared';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createContextInner } from '../../context.js';
import { seedDemo } from '../../demo.js';
import { createCaller } from '../../routers/_app.js';
import { openServices, type RunningServer, startServer } from '../../server.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from '../../testing.js';
import { RetentionScheduler } from './retention.js';

const DAY = 24 * 60 * 60 * 1000;
type Services = Awaited<ReturnType<typeof openServices>>;

/** Demo users on `services` and a caller per role. */
async function seeded(services: Services) {
  const users = {} as Record<Role, User>;
  for (const [role, token] of Object.entries(await seedDemo(services))) users[role as Role] = (await services.store.userByToken(token))!;
  return (role: Role) => createCaller(createContextInner(services, users[role]));
}

/** An incident of `name`'s, closed now (won't fix → closed), unless `open`. */
async function incidentOf(as: Awaited<ReturnType<typeof seeded>>, name: string, state: 'closed' | 'open' | 'reopened') {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@mail.example`;
  const { reference } = await as('agent').incidents.create(
    sampleIncident({ customer: { name, email }, description: `${name} reports it daily.` }),
  );
  if (state !== 'open') {
    await as('lead').incidents.transition({ ref: reference, to: 'wont_fix', reason: 'works as designed' });
    await as('lead').incidents.transition({ ref: reference, to: 'closed' });
  }
  if (state === 'reopened') await as('lead').incidents.transition({ ref: reference, to: 'in_progress', reason: 'still fails' });
  return reference;
}

async function until(what: string, cond: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(['sqlite', 'postgres'] as const)('retention on %s', (engine) => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('erases the personal data of incidents closed longer than N days, on time and once', async () => {
    const db = await createTestDatabase(engine);
    dbs.push(db);
    const services = await openServices({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    try {
      const as = await seeded(services);
      const closed = await incidentOf(as, 'Ursula Closedtwice', 'closed');
      const open = await incidentOf(as, 'Otto Openfield', 'open');
      const reopened = await incidentOf(as, 'Rhea Reopener', 'reopened');
      const retention = new RetentionScheduler(services.store, services.customerData, { days: 30 });
      const whole = async (ref: string): Promise<Incident> => IncidentSchema.parse(await as('admin').incidents.byRef({ ref }));

      expect(await retention.tick(new Date(Date.now() + 29 * DAY))).toEqual([]); // not yet
      expect((await whole(closed)).customer.name).toBe('Ursula Closedtwice');
      expect(await retention.tick(new Date(Date.now() + 31 * DAY))).toEqual([closed]);
      const erased = await whole(closed);
      expect(erased.customer).toEqual({ name: expect.stringMatching(/^erased customer #\d+$/) });
      expect(erased.description).toBe(`${erased.customer.name} reports it daily.`);
      expect(erased.timeline.at(-1)).toMatchObject({
        kind: 'customer_data_erased',
        actor: { id: 0, name: 'Handoff (automatic)' },
        text: `Personal data of a customer erased by the retention policy (now "${erased.customer.name}"): retention policy: closed more than 30 days ago`,
        data: { trigger: 'retention' },
      });
      expect((await whole(open)).customer.name).toBe('Otto Openfield');
      expect((await whole(reopened)).customer.name).toBe('Rhea Reopener'); // reopening stopped the clock
      // Later runs find it done.
      expect(await retention.tick(new Date(Date.now() + 60 * DAY))).toEqual([]);
      expect((await whole(closed)).timeline.filter((e) => e.kind === 'customer_data_erased')).toHaveLength(1);
      expect(retention.claims).toBe(3);
    } finally {
      await services.close();
    }
  });

  it('keeps its due time in the database: a restarted server does not run early', async () => {
    const db = await createTestDatabase(engine);
    dbs.push(db);
    const first = await openServices({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    const t0 = new Date();
    const everyMs = 60 * 60 * 1000;
    expect(await new RetentionScheduler(first.store, first.customerData, { days: 30, everyMs }).tick(t0)).toEqual([]);
    await first.close();
    const second = await openServices({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    try {
      const again = new RetentionScheduler(second.store, second.customerData, { days: 30, everyMs });
      await again.tick(new Date(t0.getTime() + everyMs - 1));
      expect(again.claims).toBe(0);
      await again.tick(new Date(t0.getTime() + everyMs));
      expect(again.claims).toBe(1);
    } finally {
      await second.close();
    }
  });
});

describe('erasure and retention with two instances on one PostgreSQL', () => {
  let db: TestDatabase;
  const servers: RunningServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
    await db?.drop();
  });

  it('claims each due run on exactly one instance', async () => {
    db = await createTestDatabase('postgres');
    const a = await openServices({ databaseUrl: db.databaseUrl });
    const b = await openServices({ databaseUrl: db.databaseUrl });
    try {
      const ra = new RetentionScheduler(a.store, a.customerData, { days: 30, everyMs: 1000 });
      const rb = new RetentionScheduler(b.store, b.customerData, { days: 30, everyMs: 1000 });
      const start = Date.now();
      for (let i = 0; i < 10; i++) {
        const now = new Date(start + i * 1000);
        await Promise.all([ra.tick(now), rb.tick(now), ra.tick(now), rb.tick(now)]);
        expect(ra.claims + rb.claims).toBe(i + 1);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('erases a customer once when two instances are asked at the same moment', async () => {
    db = await createTestDatabase('postgres');
    const a = await openServices({ databaseUrl: db.databaseUrl });
    const b = await openServices({ databaseUrl: db.databaseUrl });
    try {
      const as = await seeded(a);
      const ref = await incidentOf(as, 'Tess Twice', 'open');
      const admin = (await a.store.listUsers()).find((u) => u.role === 'admin')!;
      const request = { kind: 'request' as const, actor: admin, reason: 'customer request' };
      const results = await Promise.all([
        a.customerData.eraseCustomer('tess.twice@mail.example', request),
        b.customerData.eraseCustomer('TESS.TWICE@mail.example', request),
      ]);
      expect(results.map((r) => r.placeholder ?? 'nothing left').sort()).toEqual(['erased customer #1', 'nothing left']);
      expect(results.flatMap((r) => r.incidents)).toEqual([ref]);
      const erasures = await a.store.db.selectFrom('customer_erasures').select('id').execute();
      expect(erasures).toEqual([{ id: 1 }]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('erases an incident closed long ago exactly once while both servers run the policy by themselves', async () => {
    db = await createTestDatabase('postgres');
    const setup = await openServices({ databaseUrl: db.databaseUrl });
    const refs: string[] = [];
    try {
      const as = await seeded(setup);
      for (const name of ['Alma Longago', 'Bert Longago', 'Cleo Longago']) refs.push(await incidentOf(as, name, 'closed'));
      refs.push(await incidentOf(as, 'Dora Recent', 'closed'));
      // Closed 31 days ago (all but the last).
      const longAgo = new Date(Date.now() - 31 * DAY).toISOString();
      const ids = refs.slice(0, 3).map((r) => setup.incidents.idOf(r));
      await setup.store.write((trx) => trx.updateTable('incidents').set({ closed_at: longAgo }).where('id', 'in', ids).execute());
    } finally {
      await setup.close();
    }
    const timing = { everyMs: 40, checkMs: 10 };
    for (let i = 0; i < 2; i++) {
      servers.push(await startServer({ port: 0, databaseUrl: db.databaseUrl, retentionDays: 30, retentionTiming: timing }));
    }
    const [one, two] = servers.map((s) => s.retention!);
    const store = servers[0]!.services.store;
    const erasedCount = async () =>
      (await store.db.selectFrom('incidents').select('id').where('personal_data_erased_at', 'is not', null).execute()).length;
    // Both keep checking and claiming runs well after the erasure happened.
    await until(
      'both instances ran the policy several times',
      async () => one!.checks >= 15 && two!.checks >= 15 && (await erasedCount()) === 3,
    );
    const claimedRuns = one!.claims + two!.claims;
    expect(claimedRuns).toBeGreaterThan(1);
    const entries = await store.db
      .selectFrom('timeline')
      .select(['incident_id'])
      .where('kind', '=', 'customer_data_erased')
      .orderBy('incident_id')
      .execute();
    const ids = refs.map((r) => servers[0]!.services.incidents.idOf(r));
    expect(entries.map((e) => e.incident_id)).toEqual(ids.slice(0, 3));
    const erasures = await store.db.selectFrom('customer_erasures').select(['trigger', 'incidents']).execute();
    expect(erasures).toEqual([1, 2, 3].map(() => ({ trigger: 'retention', incidents: 1 })));
    const recent = await store.db.selectFrom('incidents').select('customer').where('id', '=', ids[3]!).executeTakeFirstOrThrow();
    expect(JSON.parse(recent.customer)).toMatchObject({ name: 'Dora Recent' });
  });
});
