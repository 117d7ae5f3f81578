import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentEvent } from '@handoff/shared';
import { type RunningServer, startServer } from '../server.js';
import { testClient } from '../testClient.js';
import { type TestDatabase, createTestDatabase, sampleIncident } from '../testing.js';

describe('two server instances on one PostgreSQL', () => {
  let db: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    a = await startServer({ port: 0, databaseUrl: db.databaseUrl, dataDir: db.dataDir, demo: true });
    b = await startServer({ port: 0, databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('delivers changes made through one instance to subscribers of the other, in id order', async () => {
    const tokens = a.demoTokens!;
    const events: IncidentEvent[] = [];
    let started!: () => void;
    const ready = new Promise<void>((r) => (started = r));
    const sub = testClient(b.url, tokens.developer).events.onChange.subscribe(
      {},
      { onStarted: () => started(), onData: (e) => events.push(e.data) },
    );
    await ready;
    // Writes through both instances at once: ids must still arrive without gaps or reordering.
    const viaA = testClient(a.url, tokens.agent);
    const viaB = testClient(b.url, tokens.agent);
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? viaA : viaB).incidents.create.mutate(sampleIncident({ title: `Parallel ${i}` }))),
    );
    const until = Date.now() + 10_000;
    while (events.length < 20 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    sub.unsubscribe();
    expect(events.map((e) => e.reference).sort()).toEqual(created.map((c) => c.reference).sort());
    const ids = events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
  });
});
