import { sql } from 'kysely';
import type { Store, Trx } from './store.js';

interface Pending {
  fn: (trx: Trx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; err: unknown };

/** At most this many writes share one commit (one transaction holds the writer that long). */
const MAX_BATCH = 64;

/**
 * Group commit: writes that arrive together share one transaction, and so one flush to disk.
 * A write is queued and the queue runs once the event loop has read what arrived with it (on
 * SQLite every request's work before its write takes one turn of the loop, so the creates that
 * came in during the last commit are all queued by then); on PostgreSQL writes arriving during a
 * commit queue behind it. Each write runs in its own savepoint: one that throws is rolled back
 * alone and only its caller gets the error. Every caller is answered only after the commit — if
 * the commit fails, every caller in the batch gets that error, and none was acknowledged.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private draining = false;
  /** Sizes of the batches committed so far (benchmarks and tests read it). */
  readonly batches = { count: 0, writes: 0, largest: 0 };

  constructor(private readonly store: Store) {}

  write<T>(fn: (trx: Trx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      await this.drainQueue();
    } finally {
      // Never left set by a surprise: every later write would wait for a drain that never comes.
      this.draining = false;
      if (this.queue.length > 0) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    }
  }

  private async drainQueue(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.batches.count++;
      this.batches.writes += batch.length;
      this.batches.largest = Math.max(this.batches.largest, batch.length);
      const [only] = batch;
      if (batch.length === 1 && only) {
        await this.store.write(only.fn).then(only.resolve, only.reject);
        continue;
      }
      let outcomes: Outcome[];
      try {
        outcomes = await this.store.write(async (trx) => {
          const done: Outcome[] = [];
          for (const item of batch) done.push(await inSavepoint(trx, item.fn));
          return done;
        });
      } catch (err) {
        for (const item of batch) item.reject(err);
        continue;
      }
      batch.forEach((item, i) => {
        const o = outcomes[i]!;
        if (o.ok) item.resolve(o.value);
        else item.reject(o.err);
      });
    }
  }
}

async function inSavepoint(trx: Trx, fn: (trx: Trx) => Promise<unknown>): Promise<Outcome> {
  await sql`savepoint group_write`.execute(trx);
  try {
    const value = await fn(trx);
    await sql`release savepoint group_write`.execute(trx);
    return { ok: true, value };
  } catch (err) {
    // If even this fails (the database went away), the whole batch fails: nobody is acknowledged.
    await sql`rollback to savepoint group_write`.execute(trx);
    await sql`release savepoint group_write`.execute(trx);
    return { ok: false, err };
  }
}
