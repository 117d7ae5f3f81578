import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from './routers/_app.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, openServices, startServer } from './server.js';
import { collect } from './liveEvents.testutil.js';
import { testClient } from './testClient.js';
import { type TestDatabase, createTestDatabase, sampleIncident } from './testing.js';

describe.each(['sqlite', 'postgres'] as const)('over HTTP on %s', (engine) => {
  let db: TestDatabase;
  let server: RunningServer;
  let tokens: NonNullable<RunningServer['demoTokens']>;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    server = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl, demo: true });
    tokens = server.demoTokens!;
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('answers /healthz, 404 elsewhere, and 401 / 403 with distinct statuses', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, engine });
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/trpc/auth.whoami`)).status).toBe(401);
    expect((await fetch(`${server.url}/trpc/auth.whoami`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const forbidden = await fetch(`${server.url}/trpc/templates.upsert`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.agent}`, 'content-type': 'application/json' },
      body: JSON.stringify({ category: 'x', label: 'x', questions: [] }),
    });
    expect(forbidden.status).toBe(403);
    const me = await testClient(server.url, tokens.developer).auth.whoami.query();
    expect(me?.name).toBe('Dev Dana');
  });

  it('gives client mistakes a 4xx naming the field, never a 500, and 413 past 1 MB', async () => {
    const post = (path: string, body: string) =>
      fetch(`${server.url}/trpc/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.agent}`, 'content-type': 'application/json' },
        body,
      });
    const bad = await post(
      'incidents.create',
      JSON.stringify({ ...sampleIncident(), severity: 'urgent', customer: { name: 'A', email: 'not-mail' } }),
    );
    expect(bad.status).toBe(400);
    const msg = ((await bad.json()) as { error: { message: string } }).error.message;
    expect(msg).toMatch(/severity: .*critical/);
    expect(msg).toMatch(/customer\.email/);
    for (const body of ['{not json', '[]', '"x"', 'null', JSON.stringify({ ref: 12 })]) {
      const res = await post('incidents.comment', body);
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
    }
    const big = await post('incidents.comment', JSON.stringify({ ref: 'INC-1001', text: 'x'.repeat(1_100_000) }));
    expect(big.status).toBe(413);
    const unknown = await fetch(`${server.url}/trpc/incidents.nope`, { headers: { authorization: `Bearer ${tokens.agent}` } });
    expect(unknown.status).toBe(404);
  });

  it('streams changes over SSE with the bearer header and with connectionParams, filtered', async () => {
    const agent = testClient(server.url, tokens.agent);
    const dev = collect(testClient(server.url, tokens.developer, 'header'), { team: 'accounts' });
    const mine = collect(testClient(server.url, tokens.agent, 'connectionParams'), { mine: true });
    await Promise.all([dev.ready, mine.ready]);
    const billing = await agent.incidents.create.mutate(
      sampleIncident({
        category: 'billing',
        answers: { invoice_id: '1', amount_expected: '2', payment_method: 'Card', plan_change: 'no' },
      }),
    );
    const login = await agent.incidents.create.mutate(sampleIncident());
    await testClient(server.url, tokens.developer).incidents.comment.mutate({ ref: login.reference, text: 'Looking' });
    const devEvents = (await dev.waitFor(2)).slice(0, 2);
    expect(devEvents.map((e) => [e.reference, e.kind])).toEqual([
      [login.reference, 'created'],
      [login.reference, 'comment'],
    ]);
    await testClient(server.url, tokens.developer).incidents.transition.mutate({ ref: login.reference, to: 'in_progress' });
    const [, , moved] = await dev.waitFor(3);
    expect(moved).toMatchObject({ kind: 'status_changed', status: 'in_progress', data: { from: 'new', to: 'in_progress' } });
    const mineEvents = await mine.waitFor(3);
    expect(mineEvents.slice(0, 3).map((e) => e.reference)).toEqual([billing.reference, login.reference, login.reference]);
    expect(Number(mineEvents[2]!.id)).toBeGreaterThan(Number(mineEvents[1]!.id));
    dev.stop();
    mine.stop();
  });

  it('streams release changes live to developers', async () => {
    const events: string[] = [];
    let started!: () => void;
    const ready = new Promise<void>((r) => (started = r));
    const sub = testClient(server.url, tokens.developer).releases.onChange.subscribe(
      {},
      { onStarted: () => started(), onData: (e) => events.push(`${e.data.kind} ${e.data.actor.name}`) },
    );
    await ready;
    await testClient(server.url, tokens.lead).releases.create.mutate({ version: `live-${engine}`, plannedDate: '2026-12-01' });
    await testClient(server.url, tokens.reviewer).releases.feedback.mutate({
      version: `live-${engine}`,
      verdict: 'concern',
      text: 'Tell EU customers',
    });
    const until = Date.now() + 10_000;
    while (events.length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    sub.unsubscribe();
    expect(events).toEqual(['created Lee Lead', 'feedback Rita Reviewer']);
  });

  it('follows one reference, and names an unknown one', async () => {
    const agent = testClient(server.url, tokens.agent);
    const { reference: ref } = await agent.incidents.create.mutate(sampleIncident());
    const one = collect(testClient(server.url, tokens.agent, 'connectionParams'), { ref });
    await one.ready;
    await agent.incidents.create.mutate(sampleIncident());
    await agent.incidents.comment.mutate({ ref, text: 'only this one' });
    expect((await one.waitFor(1)).map((e) => [e.reference, e.text])).toEqual([[ref, 'only this one']]);
    one.stop();
    const unknown = collect(testClient(server.url, tokens.agent), { ref: 'INC-999999' });
    const until = Date.now() + 5000;
    while (unknown.errors.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect((unknown.errors[0] as TRPCClientError<AppRouter>).message).toMatch(/INC-999999 was not found/);
    unknown.stop();
  });

  it('rejects a subscription without a valid token', async () => {
    const anon = collect(testClient(server.url, 'bad-token', 'connectionParams'), {});
    const until = Date.now() + 5000;
    while (anon.errors.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(anon.errors[0]).toBeInstanceOf(TRPCClientError);
    expect((anon.errors[0] as TRPCClientError<AppRouter>).data?.code).toBe('UNAUTHORIZED');
    anon.stop();
  });
});

describe.each(['sqlite', 'postgres'] as const)('event resume on %s', (engine) => {
  let server: RunningServer;
  /**
   * Closes the server, then lets this process's fetch pool see its pooled sockets close: client
   * and server share one event loop here, and a request sent in the same tick would go out on a
   * socket the old server has just closed ("other side closed").
   */
  async function restart() {
    await server.close();
    await new Promise((r) => setTimeout(r, 50));
  }

  it('delivers every missed event once, in order, after a disconnect and a server restart', async () => {
    const db = await createTestDatabase(engine);
    server = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl, demo: true });
    const tokens = server.demoTokens!;
    try {
      const sub = collect(testClient(server.url, tokens.developer), {});
      await sub.ready;
      const { reference: ref } = await testClient(server.url, tokens.agent).incidents.create.mutate(sampleIncident());
      const [first] = await sub.waitFor(1);
      sub.stop();

      // While nobody listens: changes happen, and the server restarts on the same store.
      const port = server.port;
      for (let i = 0; i < 5; i++) await testClient(server.url, tokens.developer).incidents.comment.mutate({ ref, text: `note ${i}` });
      await restart();
      server = await startServer({ port, dataDir: db.dataDir, databaseUrl: db.databaseUrl });
      for (let i = 5; i < 8; i++) await testClient(server.url, tokens.developer).incidents.comment.mutate({ ref, text: `note ${i}` });

      const resumed = collect(testClient(server.url, tokens.developer), { lastEventId: first!.id });
      const missed = await resumed.waitFor(8);
      expect(missed.map((e) => e.text)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `note ${i}`));
      const ids = missed.map((e) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      // Then live events continue on the same stream, without repeats.
      await testClient(server.url, tokens.developer).incidents.comment.mutate({ ref, text: 'live' });
      const all = await resumed.waitFor(9);
      expect(all.map((e) => e.text).slice(-1)).toEqual(['live']);
      await new Promise((r) => setTimeout(r, 200));
      expect(resumed.events).toHaveLength(9);
      resumed.stop();
    } finally {
      await server.close();
      await db.drop();
    }
  });

  it('a live subscription reconnects by itself after a server restart and misses nothing', { timeout: 60_000 }, async () => {
    const db = await createTestDatabase(engine);
    server = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl, demo: true });
    const tokens = server.demoTokens!;
    const sub = collect(testClient(server.url, tokens.developer, 'connectionParams'), {});
    try {
      await sub.ready;
      const { reference: ref } = await testClient(server.url, tokens.agent).incidents.create.mutate(sampleIncident());
      await sub.waitFor(1);
      const port = server.port;
      await restart();
      // Changes while the stream is down, made by another process on the same store.
      const offline = await openServices({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
      const dev = (await offline.store.listUsers()).find((u) => u.role === 'developer')!;
      for (const text of ['while down 1', 'while down 2']) {
        await offline.incidents.change(offline.incidents.idOf(ref), dev.id, () => [{ kind: 'comment', text }]);
      }
      await offline.close();
      server = await startServer({ port, dataDir: db.dataDir, databaseUrl: db.databaseUrl });
      await testClient(server.url, tokens.developer).incidents.comment.mutate({ ref, text: 'after restart' });
      const events = await sub.waitFor(4, 30_000);
      expect(events.map((e) => `${e.id} ${e.kind} ${e.text}`)).toEqual(
        [events[0]!, ...['while down 1', 'while down 2', 'after restart']].map((x, i) =>
          i === 0 ? `${events[0]!.id} ${events[0]!.kind} ${events[0]!.text}` : `${Number(events[0]!.id) + i} comment ${x}`,
        ),
      );
    } finally {
      sub.stop();
      await server.close();
      await db.drop();
    }
  });
});
