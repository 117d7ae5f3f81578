import { afterAll, describe, expect, it } from 'vitest';
import { openServices } from './server.js';
import { spawnServer } from './cliProcess.testutil.js';
import { type TestDatabase, createTestDatabase, sampleIncident } from './testing.js';

/**
 * A server process takes a burst of creates and is killed with SIGKILL in the middle of it.
 * After a restart, every incident whose create was acknowledged must be there, exactly once.
 */
describe.each(['sqlite', 'postgres'] as const)('SIGKILL mid-burst on %s', (engine) => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('keeps every acknowledged incident', { timeout: 240_000 }, async () => {
    const db = await createTestDatabase(engine);
    dbs.push(db);
    const storeArgs = ['--data-dir', db.dataDir, ...(db.databaseUrl ? ['--database-url', db.databaseUrl] : [])];
    const server = await spawnServer([...storeArgs, '--demo']);
    const acknowledged = new Map<string, string>(); // idempotency key → reference
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const input = sampleIncident();
        try {
          const res = await fetch(`${server.url}/trpc/incidents.create`, {
            method: 'POST',
            headers: { authorization: `Bearer ${server.tokens.agent}`, 'content-type': 'application/json' },
            body: JSON.stringify(input),
          });
          if (res.ok)
            acknowledged.set(
              input.idempotencyKey,
              ((await res.json()) as { result: { data: { reference: string } } }).result.data.reference,
            );
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const workers = Array.from({ length: 6 }, worker);
    // Killed once 150 creates were acknowledged (a second or two on a quiet machine); a busy one
    // gets up to two minutes to get there rather than a failure that says nothing about durability.
    const until = Date.now() + 120_000;
    while (acknowledged.size < 150 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    await exited;

    const services = await openServices({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    try {
      const rows = await services.store.db.selectFrom('incidents').select(['id', 'idempotency_key']).execute();
      const byKey = new Map(rows.map((r) => [r.idempotency_key, services.incidents.ref(r.id)]));
      const lost = [...acknowledged].filter(([key, ref]) => byKey.get(key) !== ref);
      expect(lost).toEqual([]);
      expect(acknowledged.size).toBeGreaterThanOrEqual(150);
      // Every incident's creation is on its timeline, so its event was committed with it.
      const created = await services.store.db.selectFrom('timeline').select('incident_id').where('kind', '=', 'created').execute();
      expect(created.length).toBe(rows.length);
    } finally {
      await services.close();
    }
  });
});
