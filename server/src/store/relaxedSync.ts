import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** `pragma synchronous` reads NORMAL as 1 and FULL as 2. */
const NORMAL = 1;
const FULL = 2;

/**
 * Runs `fn` on SQLite's one connection with synchronous=NORMAL: its commits do not wait for the
 * disk. In WAL mode such a commit survives a crash or restart of the process; only an OS crash or
 * a power cut can lose it, until the next durable commit (or checkpoint) syncs the log. SQLite
 * refuses to change the level inside a transaction, so it is set before `fn` opens one and put
 * back after, failed or not; the connection is held throughout, so no other transaction can
 * commit with the relaxed level. Only for derived data that is written again if lost.
 */
export async function withRelaxedSync<T>(db: Kysely<Database>, fn: (conn: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    const level = (await sql<{ synchronous: number }>`pragma synchronous`.execute(conn)).rows[0]?.synchronous ?? FULL;
    if (level <= NORMAL) return fn(conn);
    await sql`pragma synchronous = NORMAL`.execute(conn);
    try {
      return await fn(conn);
    } finally {
      await sql`pragma synchronous = ${sql.raw(String(level))}`.execute(conn);
    }
  });
}
