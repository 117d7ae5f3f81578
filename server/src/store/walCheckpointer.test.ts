import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing.js';
import { Store } from './store.js';
import { MAIN_AUTOCHECKPOINT_PAGES, WalCheckpointer } from './walCheckpointer.js';
import { mountTmpfs } from '../tmpfs.testutil.js';

/** Rows named `prefix…` found in the database file alone — what a checkpoint has copied out of the WAL. */
function rowsInMainFile(file: string, prefix: string): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'handoff-main-file-'));
  try {
    copyFileSync(file, path.join(dir, 'copy.sqlite'));
    const copy = new BetterSqlite3(path.join(dir, 'copy.sqlite'), { readonly: true });
    try {
      if (!copy.prepare("select 1 from sqlite_master where name = 'ckpt_row'").get()) return 0;
      return (copy.prepare('select count(*) as n from ckpt_row where v like ?').get(`${prefix}%`) as { n: number }).n;
    } finally {
      copy.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const insertRows = (store: Store, prefix: string, n: number, size = 2000) =>
  store.write(async (trx) => {
    for (let i = 0; i < n; i++) await sql`insert into ckpt_row (v, pad) values (${`${prefix}${i}`}, ${'x'.repeat(size)})`.execute(trx);
  });

describe('the WAL checkpointer on SQLite', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('copies committed pages into the database file from its thread, the server connection only a far safety net', async () => {
    const db = await createTestDatabase('sqlite');
    dbs.push(db);
    const store = await Store.open({ dataDir: db.dataDir });
    try {
      expect(store.walCheckpointer?.isRunning).toBe(true);
      const auto = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db);
      expect(auto.rows[0]?.wal_autocheckpoint).toBe(MAIN_AUTOCHECKPOINT_PAGES);
      await sql`create table ckpt_row (v text not null, pad text not null)`.execute(store.db);
      // ~1.2 MB in 30 commits: far below the server connection's own threshold, so only the worker copies it.
      for (let n = 0; n < 30; n++) await insertRows(store, `a${n}-`, 20);
      // The worker's report arrives as a message (a later turn of the event loop than the copy itself).
      await vi.waitFor(
        () => {
          expect(rowsInMainFile(store.location, 'a')).toBe(600);
          expect(store.walCheckpointer!.stats.frames).toBeGreaterThan(250);
        },
        { timeout: 10_000, interval: 100 },
      );
      expect(store.walCheckpointer!.stats.failures).toBe(0);

      // Once it is all copied, the next commit starts the WAL over: bursts with pauses reuse it, never grow it.
      const highWater = statSync(`${store.location}-wal`).size;
      for (let burst = 0; burst < 10; burst++) {
        await insertRows(store, `b${burst}-`, 100);
        const copied = store.walCheckpointer!.stats.frames;
        await vi.waitFor(
          () => {
            expect(store.walCheckpointer!.stats.frames).toBeGreaterThan(copied);
            expect(store.walCheckpointer!.stats.caughtUp).toBe(true);
          },
          { timeout: 10_000, interval: 20 },
        );
      }
      // 10 bursts of ~0.2 MB each: the WAL is no larger than before them.
      expect(statSync(`${store.location}-wal`).size).toBeLessThanOrEqual(highWater);
    } finally {
      await store.close();
    }
    // Stopped with the store: its connection is closed too (the last one to close removes the WAL).
    expect(store.walCheckpointer?.isRunning).toBe(false);
    expect(existsSync(`${store.location}-wal`)).toBe(false);
  });

  it('can be turned off, and is not started for PostgreSQL', async () => {
    const lite = await createTestDatabase('sqlite');
    const pg = await createTestDatabase('postgres');
    dbs.push(lite, pg);
    const off = await Store.open({ dataDir: lite.dataDir, walCheckpointer: false });
    const onPg = await Store.open({ dataDir: pg.dataDir, databaseUrl: pg.databaseUrl });
    try {
      expect(off.walCheckpointer).toBeNull();
      const auto = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(off.db);
      expect(auto.rows[0]?.wal_autocheckpoint).toBe(1000);
      expect(onPg.walCheckpointer).toBeNull();
    } finally {
      await off.close();
      await onPg.close();
    }
  });
});

describe('the WAL checkpointer on a full disk', () => {
  const mounted = mountTmpfs(8 * 1024 * 1024);
  if (typeof mounted === 'string') console.log(`[wal checkpointer] disk-full test skipped: ${mounted}`);
  afterAll(() => {
    if (typeof mounted !== 'string') mounted.unmount();
  });

  it.skipIf(typeof mounted === 'string')(
    'fails (SQLITE_FULL) while the database file cannot grow, and copies everything once space is back',
    { timeout: 60_000 },
    async () => {
      const { dir } = mounted as { dir: string };
      // Started by hand below, once the WAL holds what the database file has no room for.
      const store = await Store.open({ dataDir: path.join(dir, 'data'), walCheckpointer: false });
      let checkpointer: WalCheckpointer | null = null;
      try {
        await sql`pragma wal_autocheckpoint = 0`.execute(store.db);
        await sql`create table ckpt_row (v text not null, pad text not null)`.execute(store.db);
        for (let n = 0; n < 10; n++) await insertRows(store, `c${n}-`, 50);
        // The rest of the disk taken: the database file cannot grow by the ~1 MB the WAL holds.
        const free = Number(execFileSync('df', ['--output=avail', '-B1', dir], { encoding: 'utf8' }).split('\n')[1]);
        writeFileSync(path.join(dir, 'filler'), Buffer.alloc(Math.max(0, free - 16 * 1024)));
        checkpointer = WalCheckpointer.start(store.location, { intervalMs: 50, onLost: () => undefined });
        await vi.waitFor(() => expect(checkpointer!.stats.failures).toBeGreaterThan(0), { timeout: 10_000, interval: 50 });

        rmSync(path.join(dir, 'filler'));
        await vi.waitFor(
          () => {
            expect(rowsInMainFile(store.location, 'c')).toBe(500);
            expect(checkpointer!.stats.frames).toBeGreaterThan(100);
          },
          { timeout: 10_000, interval: 100 },
        );
        expect(checkpointer!.isRunning).toBe(true);
      } finally {
        await checkpointer?.stop();
        await store.close();
      }
    },
  );
});
