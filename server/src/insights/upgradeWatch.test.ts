import { type Role, type UpgradeWarningEvent, UpgradeWarningEventSchema, type User } from '@handoff/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createContextInner } from '../context.js';
import { createCaller } from '../routers/_app.js';
import { type RunningServer, startServer } from '../server.js';
import { testClient } from '../testClient.js';
import { createTestDatabase, type TestDatabase } from '../testing.js';
import { seedHistory } from './history.testutil.js';
import { InsightRunner } from './runner.js';
import { UpgradeWatch } from './upgradeWatch.js';

/** Follows upgrade warnings over SSE as the holder of `token`. */
function follow(url: string, token: string) {
  const events: UpgradeWarningEvent[] = [];
  const errors: unknown[] = [];
  let started!: () => void;
  const ready = new Promise<void>((r) => (started = r));
  const sub = testClient(url, token).insights.onUpgradeWarning.subscribe(
    {},
    {
      onStarted: () => started(),
      onData: (e) => events.push(UpgradeWarningEventSchema.parse(e.data)),
      onError: (e) => errors.push(e),
    },
  );
  const waitFor = async (count: number, ms = 10_000) => {
    const until = Date.now() + ms;
    while (events.length < count && errors.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    if (events.length < count) throw new Error(`got ${events.length} of ${count} warnings; errors: ${errors.map(String).join(', ')}`);
  };
  return { events, errors, ready, waitFor, stop: () => sub.unsubscribe() };
}

describe.each(['sqlite', 'postgres'] as const)('upgrade warnings as live events on %s', (engine) => {
  let db: TestDatabase;
  let server: RunningServer;
  let tokens: Record<Role, string>;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    server = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl, demo: true, upgrades: { watch: false } });
    tokens = server.demoTokens!;
    const users = {} as Record<Role, User>;
    for (const [role, token] of Object.entries(tokens)) users[role as Role] = (await server.services.store.userByToken(token))!;
    await seedHistory({
      services: server.services,
      as: (who) => createCaller(createContextInner(server.services, typeof who === 'string' ? users[who] : who)),
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('raises the spiking version once, live to the leads of its teams and to admins, and never again after a restart', async () => {
    const mobileLead = await server.services.store.addUser({ name: 'Mo Mobile', role: 'lead', teams: ['mobile'] });
    const lead = follow(server.url, tokens.lead);
    const admin = follow(server.url, tokens.admin);
    const otherLead = follow(server.url, mobileLead.token);
    await Promise.all([lead.ready, admin.ready, otherLead.ready]);

    const raised = await server.services.upgrades.watch.check();
    expect(raised.map((w) => `${w.product} ${w.version}`)).toEqual(['Atlas 5.0']);
    await lead.waitFor(1);
    await admin.waitFor(1);
    expect(lead.events[0]).toMatchObject({ teams: ['accounts'], warning: { product: 'Atlas', version: '5.0', previousVersion: '4.9' } });
    expect(admin.events[0]!.id).toBe(lead.events[0]!.id);
    // The lead of mobile has no incident of Atlas 5.0: the hub handed the same row to every stream at once.
    expect(otherLead.events).toEqual([]);

    // Still holding: not raised again — by this instance, nor by a fresh one (a restart, another instance).
    expect(await server.services.upgrades.watch.check()).toEqual([]);
    expect(await new UpgradeWatch(server.services.store, server.services.incidents.prefix).check()).toEqual([]);
    const rows = await server.services.store.db.selectFrom('upgrade_warnings').select(['product', 'version']).execute();
    expect(rows).toEqual([{ product: 'Atlas', version: '5.0' }]);

    // A console that reconnects with its last event id gets nothing twice; one without gets the stored warning.
    const again = testClient(server.url, tokens.lead);
    const resumed: unknown[] = [];
    let opened!: () => void;
    const open = new Promise<void>((r) => (opened = r));
    const sub = again.insights.onUpgradeWarning.subscribe(
      { lastEventId: '0' },
      { onStarted: () => opened(), onData: (e) => resumed.push(e.data) },
    );
    await open;
    const until = Date.now() + 10_000;
    while (resumed.length < 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(resumed).toHaveLength(1);
    for (const s of [lead, admin, otherLead]) s.stop();
    sub.unsubscribe();
  });

  it('refuses agents and developers: upgrade warnings go to leads and admins', async () => {
    for (const role of ['agent', 'developer'] as const) {
      const s = follow(server.url, tokens[role]);
      const until = Date.now() + 10_000;
      while (s.errors.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(String(s.errors[0])).toMatch(/insights\.warnings|leads and admins/);
      s.stop();
    }
  });
});

describe.each(['sqlite', 'postgres'] as const)('a serving instance on %s', (engine) => {
  let db: TestDatabase;
  afterAll(() => db?.drop());

  it('checks for upgrade warnings by itself once listening, in the insight worker', async () => {
    db = await createTestDatabase(engine);
    const seeding = await startServer({
      port: 0,
      dataDir: db.dataDir,
      databaseUrl: db.databaseUrl,
      demo: true,
      upgrades: { watch: false },
    });
    const users = {} as Record<Role, User>;
    for (const [role, token] of Object.entries(seeding.demoTokens!))
      users[role as Role] = (await seeding.services.store.userByToken(token))!;
    await seedHistory({
      services: seeding.services,
      as: (who) => createCaller(createContextInner(seeding.services, typeof who === 'string' ? users[who] : who)),
    });
    await seeding.close();

    const run = vi.spyOn(InsightRunner.prototype, 'run');
    const server = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    try {
      // Nobody asks: the watch started with the server raises the warning.
      const until = Date.now() + 30_000;
      let rows: { product: string; version: string }[] = [];
      while (rows.length === 0 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 50));
        rows = await server.services.store.db.selectFrom('upgrade_warnings').select(['product', 'version']).execute();
      }
      expect(rows).toEqual([{ product: 'Atlas', version: '5.0' }]);
      // Computed by the worker: grouping every incident would hold the event loop on SQLite.
      expect(run.mock.calls.map((c) => c[0])).toContain('upgradeWarnings');
      expect(server.services.insights.inWorker).toBe(true);
    } finally {
      run.mockRestore();
      await server.close();
    }
  }, 120_000);
});
