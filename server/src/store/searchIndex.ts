import { type Kysely, sql } from 'kysely';
import { CoalescingRunner } from '../util/coalescingRunner.js';
import { withRelaxedSync } from './relaxedSync.js';
import type { Database } from './schema.js';
import { log } from '../log.js';

const BATCH = 500;
const DELAY_MS = 20;

/**
 * SQLite's full-text index, kept up to date in batches. Writing FTS5 segments inside every
 * create's transaction made the commit ~5× dearer than the row itself; instead triggers note
 * changed incidents in `search_outbox`, and this indexer moves them into the index shortly after
 * the commit, many at a time. A search first indexes whatever is still pending, so it always
 * sees every committed incident.
 */
export class SqliteSearchIndex {
  private readonly indexer = new CoalescingRunner(async () => {
    while (await this.indexBatch()) {
      // until the outbox is empty
    }
  });
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  /** Indexes pending changes soon (after a commit); several calls make one run. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((err: Error) => log.error({ err }, 'search indexing failed; it is retried after the next write'));
    }, DELAY_MS);
    this.timer.unref();
  }

  /** Indexes everything pending now; resolves when the outbox is empty. */
  flush(): Promise<void> {
    return this.indexer.run();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.indexer.idle();
  }

  /**
   * One transaction: re-index up to BATCH incidents. Returns whether it found any. It commits
   * without waiting for the disk (synchronous=NORMAL, on this connection for this transaction
   * only): the index is derived data, and losing the batch in a power cut loses its outbox
   * deletions with it, so the batch is redone. The next durable commit syncs it anyway. A create
   * then costs one flush to disk instead of nearly two.
   */
  private async indexBatch(): Promise<boolean> {
    return withRelaxedSync(this.db, (conn) =>
      conn.transaction().execute(async (trx) => {
        const ids = (await trx.selectFrom('search_outbox').select('incident_id').orderBy('incident_id').limit(BATCH).execute()).map(
          (r) => r.incident_id,
        );
        if (ids.length === 0) return false;
        const list = sql.join(ids);
        await sql`delete from incidents_fts where rowid in (${list})`.execute(trx);
        await sql`insert into incidents_fts (rowid, search_title, search_body)
          select id, search_title, search_body from incidents where id in (${list})`.execute(trx);
        await trx.deleteFrom('search_outbox').where('incident_id', 'in', ids).execute();
        return true;
      }),
    );
  }
}
