import { type Kysely, sql } from 'kysely';
import type { Database, Engine } from '../store/schema.js';

/**
 * Exact memoisation of the insights' parts that do not depend on "now", for the insight worker.
 *
 * An entry is keyed by the database's change marker as it was read before the part was computed,
 * so a hit can only happen while nothing has been committed since: the answer is the one a fresh
 * query would give, never an approximation.
 * - SQLite: `PRAGMA data_version` on the worker's own (read-only) connection, which changes
 *   whenever another connection commits to the file.
 * - PostgreSQL: the current snapshot (`pg_current_snapshot()`: xmin, xmax and the transactions in
 *   progress). Any write gets a new transaction id (xmax moves) and any commit leaves the list, so an
 *   unchanged snapshot means no commit in between. It is cluster-wide: writes to other databases
 *   also invalidate (a cache miss, never a wrong answer).
 * Only the worker uses it: in-process, the connection that writes would not see its own commits in
 * `data_version`.
 */
export type Memo = <T>(part: string, key: unknown, compute: () => Promise<T>) => Promise<T>;

/** Entries kept (a few scopes per insight; the least recently used goes first). */
const ENTRIES = 24;

export function changeMarker(db: Kysely<Database>, engine: Engine): () => Promise<string> {
  if (engine === 'sqlite') {
    return async () => {
      const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(db);
      return String(rows[0]?.data_version);
    };
  }
  return async () => {
    const { rows } = await sql<{ s: string }>`select pg_current_snapshot()::text as s`.execute(db);
    return String(rows[0]?.s);
  };
}

export class InsightMemo {
  private readonly entries = new Map<string, Promise<unknown>>();
  private marked: string | null = null;

  constructor(private readonly marker: () => Promise<string>) {}

  readonly memo: Memo = async <T>(part: string, key: unknown, compute: () => Promise<T>): Promise<T> => {
    const marker = await this.marker();
    if (marker !== this.marked) {
      // Entries of an earlier marker can never be hit again: let them go at once (volume's hold spans).
      this.entries.clear();
      this.marked = marker;
    }
    const id = `${marker}\u0000${part}\u0000${JSON.stringify(key)}`;
    const found = this.entries.get(id);
    if (found !== undefined) {
      // Most recently used last: the first key is the one to evict.
      this.entries.delete(id);
      this.entries.set(id, found);
      return found as Promise<T>;
    }
    const made = compute();
    this.entries.set(id, made);
    made.catch(() => this.entries.delete(id)); // a failed part is computed again next time
    while (this.entries.size > ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  };
}
