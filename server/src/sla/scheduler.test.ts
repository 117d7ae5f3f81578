import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo.js';
import { openServices } from '../server.js';
import type { Trx } from '../store/store.js';
import { createTestDatabase, type TestDatabase } from '../testing.js';
import { SlaScheduler } from './scheduler.js';

const YEAR_MS = 365 * 86_400_000;

/**
 * On SQLite the scheduler's commits do not wait for the disk (its writes are raised again if
 * lost), and that setting stays with its own transactions: the next write on the connection is durable
 * again, also after one of the scheduler's transactions failed.
 */
describe.each(['sqlite', 'postgres'] as const)('service-level scheduler commits on %s', (engine) => {
  let db: TestDatabase;
  let services: Awaited<ReturnType<typeof openServices>>;
  /** SQLite's `pragma synchronous` (1 NORMAL, 2 FULL), PostgreSQL's `synchronous_commit`. */
  const durability = async (trx: Trx): Promise<string> =>
    engine === 'sqlite'
      ? String((await sql<{ synchronous: number }>`pragma synchronous`.execute(trx)).rows[0]?.synchronous)
      : String((await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(trx)).rows[0]?.synchronous_commit);
  // PostgreSQL commits durably either way (see Store.write).
  const [relaxed, durable] = engine === 'sqlite' ? ['1', '2'] : ['on', 'on'];
  /** What the next ordinary write runs with. */
  const nextWrite = () => services.store.write(durability);

  // A new demo store per test: a year on, all of its open incidents' timers are due.
  beforeEach(async () => {
    db = await createTestDatabase(engine);
    services = await openServices({ dataDir: db.dataDir, databaseUrl: db.databaseUrl, sla: { scheduler: false } });
    await seedDemo(services);
  });
  afterEach(async () => {
    await services.close();
    await db.drop();
  });

  it('raises with relaxed commits, and the next write is durable again, also after one failed', async () => {
    expect(await nextWrite()).toBe(durable);
    const seen: string[] = [];
    let fail = true;
    const hook = services.incidents.entryHook;
    services.incidents.entryHook = async (trx, incident, entry) => {
      seen.push(await durability(trx));
      if (fail) {
        fail = false;
        throw new Error('the first raise fails');
      }
      await hook?.(trx, incident, entry);
    };
    const scheduler = new SlaScheduler(services.store, services.incidents, { now: () => Date.now() + YEAR_MS });
    await expect(scheduler.tick()).rejects.toThrow('the first raise fails');
    expect(seen).toEqual([relaxed]);
    expect(await nextWrite()).toBe(durable);

    const fired = await scheduler.tick();
    expect(fired.length).toBeGreaterThan(1);
    expect(new Set(seen)).toEqual(new Set([relaxed]));
    expect(await nextWrite()).toBe(durable);
    // The failed transaction raised nothing: each timer's warning and breach, once.
    const raised = await services.store.db
      .selectFrom('timeline')
      .select(['incident_id', 'kind', 'data'])
      .where('kind', 'like', 'sla_%')
      .execute();
    expect(raised.length).toBe(fired.length);
    services.incidents.entryHook = hook;
  });

  it('commits durably when asked to (what the benchmark compares with)', async () => {
    const seen: string[] = [];
    const hook = services.incidents.entryHook;
    services.incidents.entryHook = async (trx, incident, entry) => {
      seen.push(await durability(trx));
      await hook?.(trx, incident, entry);
    };
    const scheduler = new SlaScheduler(services.store, services.incidents, { now: () => Date.now() + YEAR_MS, durability: 'durable' });
    await scheduler.tick();
    services.incidents.entryHook = hook;
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([durable]));
  });
});
