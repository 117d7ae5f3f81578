import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from './liveEvents.testutil.js';
import { type RunningServer, startServer } from './server.js';
import { testClient } from './testClient.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from './testing.js';

const billing = () =>
  sampleIncident({
    category: 'billing',
    answers: { invoice_id: '1', amount_expected: '2', payment_method: 'Card', plan_change: 'no' },
    customer: { name: 'Bill Payer', email: 'bill@payer.example' },
  });

/**
 * Live events follow the same rules as reading an incident, also when replayed from a last event
 * id: the demo agent (team accounts) never receives what a billing incident's people wrote.
 */
describe.each(['sqlite', 'postgres'] as const)('who receives which live event on %s', (engine) => {
  let db: TestDatabase;
  let server: RunningServer;
  let tokens: NonNullable<RunningServer['demoTokens']>;
  let billingAgent: string;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    server = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl, demo: true });
    tokens = server.demoTokens!;
    billingAgent = await server.addUser({ name: 'Bea Billing', role: 'agent', teams: ['billing'] });
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('streams another team’s incident only in summary, only when followed by reference, and the same on replay', async () => {
    const start = await testClient(server.url, tokens.admin).incidents.create.mutate(sampleIncident());
    const everything = collect(testClient(server.url, tokens.admin), {});
    const mine = collect(testClient(server.url, tokens.agent, 'connectionParams'), {});
    await Promise.all([everything.ready, mine.ready]);
    const other = await testClient(server.url, billingAgent).incidents.create.mutate(billing());
    const followed = collect(testClient(server.url, tokens.agent), { ref: other.reference });
    await followed.ready;
    await testClient(server.url, billingAgent).incidents.comment.mutate({ ref: other.reference, text: 'Customer card 4111 declined' });
    const own = await testClient(server.url, tokens.agent).incidents.create.mutate(sampleIncident());

    // The admin sees all three changes in full; the accounts agent only their own incident.
    const all = await everything.waitFor(3);
    expect(all.map((e) => [e.reference, e.kind])).toEqual([
      [other.reference, 'created'],
      [other.reference, 'comment'],
      [own.reference, 'created'],
    ]);
    expect((await mine.waitFor(1)).map((e) => e.reference)).toEqual([own.reference]);
    expect(mine.summaries).toEqual([]);
    // Following the billing incident by reference: what changed, never what was written.
    const until = Date.now() + 10_000;
    while (followed.summaries.length < 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(followed.events).toEqual([]);
    expect(followed.summaries.map((e) => [e.reference, e.kind, e.status, e.team])).toEqual([
      [other.reference, 'comment', 'new', 'billing'],
    ]);
    expect(JSON.stringify(followed.summaries)).not.toMatch(/4111|Bill Payer|Bea Billing/);

    // Replaying everything from the start obeys exactly the same rules.
    const firstId = String(Number(all[0]!.id) - 1);
    const replay = collect(testClient(server.url, tokens.agent), { lastEventId: '0' });
    await replay.ready;
    // Events arrive in id order: once a change made after all the others is in, so is everything sent.
    const sentinel = await testClient(server.url, tokens.agent).incidents.create.mutate(sampleIncident());
    while (!replay.events.some((e) => e.reference === sentinel.reference) && Date.now() < until + 10_000) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(replay.events.some((e) => e.reference === other.reference)).toBe(false);
    expect(replay.events.map((e) => e.reference)).toEqual(expect.arrayContaining([own.reference, sentinel.reference]));
    expect(replay.summaries).toEqual([]);
    const replayRef = collect(testClient(server.url, tokens.agent), { ref: other.reference, lastEventId: firstId });
    while (replayRef.summaries.length < 2 && Date.now() < until + 10_000) await new Promise((r) => setTimeout(r, 20));
    expect(replayRef.summaries.map((e) => e.kind)).toEqual(['created', 'comment']);
    expect(replayRef.events).toEqual([]);
    expect(start.reference).not.toBe(other.reference);
    for (const s of [everything, mine, followed, replay, replayRef]) s.stop();
  });

  it('tells agents only of releases that fix their incidents', async () => {
    const seen: string[] = [];
    let started!: () => void;
    const ready = new Promise<void>((r) => {
      started = r;
    });
    const sub = testClient(server.url, tokens.agent).releases.onChange.subscribe(
      {},
      { onStarted: () => started(), onData: (e) => seen.push(`${e.data.version} ${e.data.kind}`) },
    );
    await ready;
    const theirs = await testClient(server.url, tokens.agent).incidents.create.mutate(sampleIncident());
    const others = await testClient(server.url, billingAgent).incidents.create.mutate(billing());
    const lead = testClient(server.url, tokens.lead);
    await lead.releases.create.mutate({ version: `billing-${engine}`, plannedDate: '2026-12-01', fixes: [others.reference] });
    await lead.releases.create.mutate({ version: `accounts-${engine}`, plannedDate: '2026-12-01', fixes: [theirs.reference] });
    const until = Date.now() + 10_000;
    // The agent's release was created last: when its event is in, the other one would have been too.
    while (seen.length < 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    sub.unsubscribe();
    expect(seen).toEqual([`accounts-${engine} created`]);
    const listed = await testClient(server.url, tokens.agent).releases.list.query({});
    expect(listed.map((r) => r.version)).toEqual([`accounts-${engine}`]);
  });
});
