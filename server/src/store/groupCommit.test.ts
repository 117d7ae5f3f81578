import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing.js';
import { GroupCommit } from './groupCommit.js';
import { Store, type Trx } from './store.js';

describe.each(['sqlite', 'postgres'] as const)('group commit on %s', (engine) => {
  let db: TestDatabase;
  let store: Store;
  let commits = 0;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    store = await Store.open({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    store.onCommit = () => {
      commits++;
    };
    // A child row pointing at no parent fails only at COMMIT (a deferred foreign key, on both engines).
    await sql`create table gc_parent (id integer primary key)`.execute(store.db);
    await sql`create table gc_row (v text not null unique, parent integer references gc_parent (id) deferrable initially deferred)`.execute(
      store.db,
    );
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  const insert =
    (v: string, parent: number | null = null) =>
    async (trx: Trx) => {
      await sql`insert into gc_row (v, parent) values (${v}, ${parent})`.execute(trx);
      return v;
    };
  const stored = async (prefix: string) =>
    (await sql<{ v: string }>`select v from gc_row where v like ${`${prefix}%`} order by v`.execute(store.db)).rows.map((r) => r.v);

  it('commits writes that arrive together once, and answers each with its own result', async () => {
    const group = new GroupCommit(store);
    const before = commits;
    const results = await Promise.all(['a1', 'a2', 'a3', 'a4'].map((v) => group.write(insert(v))));
    expect(results).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(commits - before).toBe(1);
    expect(group.batches).toEqual({ count: 1, writes: 4, largest: 4 });
    expect(await stored('a')).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('rolls back only the write that failed; its caller alone gets the error', async () => {
    const group = new GroupCommit(store);
    const settled = await Promise.allSettled([
      group.write(insert('b1')),
      group.write(async (trx) => {
        await insert('b2')(trx);
        await insert('b1')(trx); // a unique violation after its own first insert
        return 'never';
      }),
      group.write(insert('b3')),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await stored('b')).toEqual(['b1', 'b3']);
  });

  it('answers every caller of a batch with the error when its commit fails, and keeps none of it', async () => {
    const group = new GroupCommit(store);
    const settled = await Promise.allSettled([group.write(insert('c1')), group.write(insert('c2', 999)), group.write(insert('c3'))]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await stored('c')).toEqual([]);
  });

  it('sees an earlier write of the same batch (a retried key finds the first)', async () => {
    const group = new GroupCommit(store);
    const findOrInsert = async (trx: Trx) => {
      const found = await sql<{ v: string }>`select v from gc_row where v = 'd1'`.execute(trx);
      if (found.rows.length > 0) return 'found';
      await insert('d1')(trx);
      return 'inserted';
    };
    expect(await Promise.all([group.write(findOrInsert), group.write(findOrInsert)])).toEqual(['inserted', 'found']);
  });
});
