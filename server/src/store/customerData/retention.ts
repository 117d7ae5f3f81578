import { log } from '../../log.js';
import type { Store } from '../store.js';
import type { CustomerData } from './customerData.js';

const JOB = 'retention';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Incidents erased per write transaction (other writes wait while one runs). */
const BATCH = 25;

export interface RetentionOptions {
  /** Erase the personal data of incidents closed longer than this many days. */
  days: number;
  /** How often a run is due (default: hourly). */
  everyMs?: number;
  /** How often each instance looks whether a run is due (default: every minute). */
  checkMs?: number;
}

/**
 * The retention policy, run by the server itself. The next due time lives in the database, so
 * it survives restarts; an instance runs it only after claiming it in a write transaction
 * (serialised on both engines: PostgreSQL's write lock, SQLite's single writer), so with several
 * instances on one PostgreSQL exactly one runs each due time. Each incident is picked and erased
 * in one transaction that marks it done, so none is erased twice even after a crash mid-run.
 */
export class RetentionScheduler {
  /** Checks this instance made, and runs it claimed (for tests and logs). */
  checks = 0;
  claims = 0;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> = Promise.resolve();
  private stopped = true;
  private readonly everyMs: number;
  private readonly checkMs: number;

  constructor(
    private readonly store: Store,
    private readonly customerData: CustomerData,
    private readonly options: RetentionOptions,
  ) {
    this.everyMs = options.everyMs ?? 60 * 60 * 1000;
    this.checkMs = options.checkMs ?? 60 * 1000;
  }

  /** Checks now, then `checkMs` after each check ends (never two checks of one instance at once). */
  start(): void {
    this.stopped = false;
    const check = () => {
      this.current = this.tick()
        .catch((err: Error) => log.error({ err }, 'retention run failed; it is retried when next due'))
        .finally(() => {
          if (this.stopped) return;
          this.timer = setTimeout(check, this.checkMs);
          this.timer.unref();
        });
    };
    check();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  /** Runs the policy if it is due at `now` and this instance claims it; returns the incidents erased. */
  async tick(now = new Date()): Promise<string[]> {
    const claimed = await this.claim(now);
    this.checks += 1;
    if (!claimed) return [];
    this.claims += 1;
    const cutoff = new Date(now.getTime() - this.options.days * DAY_MS).toISOString();
    const reason = `retention policy: closed more than ${this.options.days} days ago`;
    const erased: string[] = [];
    for (;;) {
      const batch = await this.store.write(async (trx) => {
        const rows = await trx
          .selectFrom('incidents')
          .select('id')
          .where('status', '=', 'closed')
          .where('closed_at', '<', cutoff)
          .where('personal_data_erased_at', 'is', null)
          .orderBy('id')
          .limit(BATCH)
          .execute();
        const refs: string[] = [];
        for (const { id } of rows) {
          const result = await this.customerData.eraseIn(trx, { kind: 'incidents', ids: [id] }, { kind: 'retention', reason });
          refs.push(...result.incidents);
        }
        return { refs, full: rows.length === BATCH };
      });
      erased.push(...batch.refs);
      if (!batch.full) break;
    }
    if (erased.length > 0) {
      await this.customerData.purgeFreedCopies();
      await this.customerData.sweepOutsideCopies();
      log.info({ incidents: erased.length, days: this.options.days }, 'retention erased personal data of closed incidents');
    }
    return erased;
  }

  /** Takes the due run, if any: moves the due time on in the same transaction. */
  private claim(now: Date): Promise<boolean> {
    return this.store.write(async (trx) => {
      await trx
        .insertInto('retention_schedule')
        .values({ job: JOB, due_at: now.toISOString(), last_run_at: null })
        .onConflict((oc) => oc.column('job').doNothing())
        .execute();
      const row = await trx.selectFrom('retention_schedule').select('due_at').where('job', '=', JOB).executeTakeFirstOrThrow();
      if (row.due_at > now.toISOString()) return false;
      await trx
        .updateTable('retention_schedule')
        .set({ due_at: new Date(now.getTime() + this.everyMs).toISOString(), last_run_at: now.toISOString() })
        .where('job', '=', JOB)
        .execute();
      return true;
    });
  }
}
