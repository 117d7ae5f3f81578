import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from '../store/schema.js';
import { changeMarker, InsightMemo } from './cache.js';
import { INSIGHTS, type InsightName } from './catalog.js';
import type { InsightDeps, InsightScope } from './scope.js';

/**
 * The insight worker: runs insights on its own connection (SQLite read-only, or a small
 * PostgreSQL pool), so their aggregation — SQL and JavaScript alike — never blocks the server's
 * event loop. Only the (small) results cross back. What does not depend on "now" is memoised
 * until the next commit (cache.ts), so repeated calls between changes cost a look-up.
 */
export interface InsightWorkerData {
  engine: 'sqlite' | 'postgres';
  /** The SQLite file, or the PostgreSQL connection string. */
  location: string;
  prefix: string;
}

export interface InsightRequest {
  id: number;
  name: InsightName;
  scope: Omit<InsightScope, 'now'> & { now: string };
  arg?: unknown;
}

export type InsightReply = { id: number; result: unknown } | { id: number; error: string };

const data = workerData as InsightWorkerData;

/**
 * On Linux the worker lowers its own thread's priority (nice 10; the server's main thread keeps
 * its own): when the cores are busy, the event loop wins them over a long aggregation.
 * /proc/thread-self names this thread's id; elsewhere the worker keeps the process's priority.
 */
function lowerPriority(): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
  } catch {
    // Not Linux, or not allowed: the worker runs at the process's priority.
  }
}
lowerPriority();
const db =
  data.engine === 'sqlite'
    ? (() => {
        const sqlite = new BetterSqlite3(data.location, { readonly: true, fileMustExist: true });
        sqlite.pragma('busy_timeout = 5000');
        return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
      })()
    : // Loaded only for PostgreSQL, as in the server (open.ts).
      new Kysely<Database>({
        dialect: new PostgresDialect({ pool: new (await import('pg')).default.Pool({ connectionString: data.location, max: 3 }) }),
      });
// Parts that do not depend on "now" are kept until the next commit (exact; see cache.ts).
const memo = new InsightMemo(changeMarker(db, data.engine));
const deps: InsightDeps = { db, engine: data.engine, prefix: data.prefix, memo: memo.memo };

parentPort!.on('message', (req: InsightRequest) => {
  const scope = { ...req.scope, now: new Date(req.scope.now) };
  const run = INSIGHTS[req.name] as (d: InsightDeps, s: InsightScope, arg?: unknown) => Promise<unknown>;
  run(deps, scope, req.arg).then(
    (result) => parentPort!.postMessage({ id: req.id, result } satisfies InsightReply),
    (err: unknown) =>
      parentPort!.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) } satisfies InsightReply),
  );
});
