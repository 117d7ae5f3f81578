import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, spawnServer } from './cliProcess.testutil.js';
import { createContextInner } from './context.js';
import { createCaller } from './routers/_app.js';
import { openServices, startServer } from './server.js';
import { DataDirInUseError } from './store/dataDirLock.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from './testing.js';
import { mountTmpfs } from './tmpfs.testutil.js';

const post = (url: string, token: string, proc: string, input: unknown) =>
  fetch(`${url}/trpc/${proc}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
const errorOf = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

describe('a full disk under the embedded store', () => {
  const mounted = mountTmpfs(8 * 1024 * 1024);
  if (typeof mounted === 'string') console.log(`[faults] disk-full test skipped: ${mounted}`);
  let server: ServerProcess | undefined;
  afterAll(() => {
    server?.child.kill('SIGKILL');
    if (typeof mounted !== 'string') mounted.unmount();
  });

  it.skipIf(typeof mounted === 'string')(
    'answers 503 "disk is full", reports it on /healthz, logs the real error, and recovers once space is freed',
    { timeout: 120_000 },
    async () => {
      const { dir } = mounted as { dir: string };
      const dataDir = path.join(dir, 'data');
      mkdirSync(dataDir);
      // Space an admin can free later.
      writeFileSync(path.join(dir, 'filler'), Buffer.alloc(2 * 1024 * 1024));
      server = await spawnServer(['--data-dir', dataDir, '--demo']);
      const token = server.tokens.agent!;
      const acked: string[] = [];
      let full: Response | null = null;
      for (let i = 0; i < 2000 && !full; i++) {
        const res = await post(
          server.url,
          token,
          'incidents.create',
          sampleIncident({ description: `${i} ${'lorem ipsum '.repeat(1500)}` }),
        );
        if (res.ok) acked.push(((await res.json()) as { result: { data: { reference: string } } }).result.data.reference);
        else full = res;
      }
      expect(full?.status).toBe(503);
      expect(await errorOf(full!)).toBe("The server's disk is full: nothing was saved. Ask an admin to free space; then try again.");
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { error: string }).error).toMatch(/the disk is full/);
      expect(server.output()).toMatch(/"fault":"disk_full"[\s\S]*SQLITE_FULL|SQLITE_FULL[\s\S]*"fault":"disk_full"/);
      expect(server.output()).not.toMatch(/cannot rollback/);

      rmSync(path.join(dir, 'filler'));
      const until = Date.now() + 20_000;
      let healthy = 503;
      while (healthy !== 200 && Date.now() < until) {
        healthy = (await fetch(`${server.url}/healthz`)).status;
        if (healthy !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      if (healthy !== 200) console.log(await (await fetch(`${server.url}/healthz`)).text());
      expect(healthy).toBe(200);
      const after = await post(server.url, token, 'incidents.create', sampleIncident());
      expect(after.status).toBe(200);
      // Nothing acknowledged was lost.
      for (const ref of acked) {
        const res = await fetch(`${server.url}/trpc/incidents.byRef?input=${encodeURIComponent(JSON.stringify({ ref }))}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.status, ref).toBe(200);
      }
      console.log(`[faults] ${acked.length} creates acknowledged before the disk filled`);
      expect(acked.length).toBeGreaterThan(5);
    },
  );
});

describe('a second server on the same data directory', () => {
  it('is refused at start with one line saying what to do', async () => {
    const db = await createTestDatabase('sqlite');
    const first = await startServer({ port: 0, dataDir: db.dataDir });
    try {
      const second = await startServer({ port: 0, dataDir: db.dataDir }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(DataDirInUseError.is(second)).toBe(true);
      expect((second as Error).message).toBe(
        `Another Handoff server is already using the data directory ${path.resolve(db.dataDir)}: stop it first, or start this one with another --data-dir.`,
      );
    } finally {
      await first.close();
    }
    // Once the first has stopped, the folder is free again.
    const again = await startServer({ port: 0, dataDir: db.dataDir });
    await again.close();
    await db.drop();
  });
});

/** A TCP relay to PostgreSQL that the test can cut and restore, as if the database went away. */
async function relayTo(port: number) {
  const sockets = new Set<net.Socket>();
  let listener: net.Server | null = null;
  const listen = (at: number) =>
    new Promise<number>((resolve) => {
      listener = net.createServer((client) => {
        const upstream = net.connect(port, '127.0.0.1');
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      listener.listen(at, '127.0.0.1', () => resolve((listener!.address() as net.AddressInfo).port));
    });
  const own = await listen(0);
  return {
    port: own,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        listener!.close(() => resolve());
      }),
    restore: () => listen(own).then(() => undefined),
  };
}

describe('PostgreSQL going away and coming back', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
  });
  afterAll(() => db?.drop());

  it('answers 503 "database unreachable" while it is down, and works again without a restart', { timeout: 60_000 }, async () => {
    const relay = await relayTo(5432);
    const url = new URL(db.databaseUrl!);
    url.port = String(relay.port);
    const server = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: url.toString(), demo: true });
    const token = server.demoTokens!.agent;
    try {
      expect((await post(server.url, token, 'incidents.create', sampleIncident())).status).toBe(200);
      await relay.cut();
      const down = await post(server.url, token, 'incidents.create', sampleIncident());
      expect(down.status).toBe(503);
      expect(await errorOf(down)).toBe('The database is unreachable right now: nothing was saved. Try again in a moment.');
      expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
      await relay.restore();
      let status = 503;
      const until = Date.now() + 20_000;
      while (status !== 200 && Date.now() < until) {
        status = (await post(server.url, token, 'incidents.create', sampleIncident())).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(200);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
      await relay.cut();
    }
  });
});

describe.each(['sqlite', 'postgres'] as const)('races on %s', (engine) => {
  let db: TestDatabase;
  let services: Awaited<ReturnType<typeof openServices>>;
  let as: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    services = await openServices({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    await services.store.upsertTeam({ id: 'alpha', name: 'Alpha' });
    await services.store.upsertTemplate({ category: 'general', label: 'General', questions: [] });
    const lead = (await services.store.addUser({ name: 'Lee', role: 'lead', teams: ['alpha'] })).user;
    as = createCaller(createContextInner(services, lead));
  });
  afterAll(async () => {
    await services?.close();
    await db?.drop();
  });

  const create = () => as.incidents.create(sampleIncident({ category: 'general', answers: {} }));

  it('linking A → B and B → A at the same moment leaves one of them the original, 20 times in a row', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const [a, b] = [await create(), await create()];
      await Promise.allSettled([
        as.incidents.linkDuplicate({ ref: a.reference, of: b.reference }),
        as.incidents.linkDuplicate({ ref: b.reference, of: a.reference }),
      ]);
      const rows = await services.store.db
        .selectFrom('incidents')
        .select(['id', 'status', 'duplicate_of'])
        .where('id', 'in', [services.incidents.idOf(a.reference), services.incidents.idOf(b.reference)])
        .execute();
      outcomes.push(
        rows
          .map((r) => r.status)
          .sort()
          .join('+'),
      );
    }
    expect(outcomes).toEqual(Array(20).fill('duplicate+new'));
  });

  it('keeps duplicates pointing at the original: no chains', async () => {
    const [a, b, c, d] = [await create(), await create(), await create(), await create()];
    await as.incidents.linkDuplicate({ ref: b.reference, of: a.reference });
    // C names B, a duplicate: it is linked to B's original, A.
    expect((await as.incidents.linkDuplicate({ ref: c.reference, of: b.reference })).duplicateOf).toBe(a.reference);
    // A becomes a duplicate of D: its own duplicates follow it to D.
    await as.incidents.linkDuplicate({ ref: a.reference, of: d.reference });
    const rows = await services.store.db
      .selectFrom('incidents')
      .select(['id', 'duplicate_of', 'affected_customers'])
      .where(
        'id',
        'in',
        [a, b, c, d].map((x) => services.incidents.idOf(x.reference)),
      )
      .orderBy('id')
      .execute();
    const dId = services.incidents.idOf(d.reference);
    expect(rows.map((r) => r.duplicate_of)).toEqual([dId, dId, dId, null]);
    expect(rows.at(-1)?.affected_customers).toBe(4);
  });

  it('replays of one idempotency key use up no reference number', async () => {
    const input = sampleIncident({ category: 'general', answers: {} });
    const results = await Promise.all(Array.from({ length: 200 }, () => as.incidents.create(input)));
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const next = await create();
    expect(services.incidents.idOf(next.reference)).toBe(services.incidents.idOf(results[0]!.reference) + 1);
  });
});
