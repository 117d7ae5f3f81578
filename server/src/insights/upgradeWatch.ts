import { type UpgradeWarning, type UpgradeWarningEvent, UpgradeWarningSchema } from '@handoff/shared';
import { log } from '../log.js';
import type { UpgradeWarningsTable } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { EventSource } from '../events/hub.js';
import { upgradeWarnings } from './upgradeWarnings.js';

export type UpgradeWarningRow = Omit<UpgradeWarningsTable, 'id'> & { id: number };

/** How often a serving instance looks for new upgrade warnings (a warning needs days of incidents, not seconds). */
export const UPGRADE_CHECK_MS = 60_000;

/**
 * Raises each upgrade warning once, when it first holds: `check` computes the warnings over all
 * incidents and stores the new ones; the table's unique (product, version) key is the claim, so
 * a restart or a second instance never raises one again. The stored rows are the live events'
 * source (their ids order them).
 */
export class UpgradeWatch implements EventSource<UpgradeWarningRow> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  /** Called after a check stored new warnings (the hub reads them then). */
  onRaised: (() => void) | null = null;
  /**
   * Computes the warnings that hold now. A serving instance hands this to the insight worker: the
   * computation groups every incident, and on SQLite a query holds the event loop while it runs.
   */
  compute: (now: Date) => Promise<UpgradeWarning[]> = (now) =>
    upgradeWarnings({ db: this.store.db, engine: this.store.engine, prefix: this.prefix }, { filter: {}, teams: null, now });

  constructor(
    private readonly store: Store,
    private readonly prefix: string,
    private readonly intervalMs = UPGRADE_CHECK_MS,
  ) {}

  start(): void {
    if (this.timer) return;
    const run = () => {
      this.running = this.check().catch((err: unknown) => log.warn({ err }, 'upgrade warnings: check failed; retrying later'));
    };
    run();
    this.timer = setInterval(run, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Stores the warnings that hold now and were never raised; returns those this call raised. */
  async check(now = new Date()): Promise<UpgradeWarning[]> {
    const holding = await this.compute(now);
    if (holding.length === 0) return [];
    const known = await this.store.db.selectFrom('upgrade_warnings').select(['product', 'version']).execute();
    const raised = new Set(known.map((k) => `${k.product}\u0000${k.version}`));
    const fresh = holding.filter((w) => !raised.has(`${w.product}\u0000${w.version}`));
    const stored: UpgradeWarning[] = [];
    for (const w of fresh) {
      const teams = await this.store.db
        .selectFrom('incidents')
        .select('team')
        .distinct()
        .where('product', '=', w.product)
        .where('version', '=', w.version)
        .where('team', 'is not', null)
        .execute();
      const inserted = await this.store.write((trx) =>
        trx
          .insertInto('upgrade_warnings')
          .values({
            product: w.product,
            version: w.version,
            teams: JSON.stringify(teams.map((t) => t.team!).sort()),
            warning: JSON.stringify(w),
            raised_at: now.toISOString(),
          })
          .onConflict((oc) => oc.columns(['product', 'version']).doNothing())
          .execute(),
      );
      if (Number(inserted[0]?.numInsertedOrUpdatedRows ?? 0) > 0) stored.push(w);
    }
    if (stored.length > 0) this.onRaised?.();
    return stored;
  }

  async eventsAfter(afterId: number, limit: number): Promise<UpgradeWarningRow[]> {
    const rows = await this.store.db
      .selectFrom('upgrade_warnings')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  async lastEventId(): Promise<number> {
    const r = await this.store.db
      .selectFrom('upgrade_warnings')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst();
    return Number(r?.max ?? 0);
  }
}

export const teamsOf = (row: UpgradeWarningRow): string[] => JSON.parse(row.teams) as string[];

export function toUpgradeWarningEvent(row: UpgradeWarningRow): UpgradeWarningEvent {
  return { id: row.id, raisedAt: row.raised_at, teams: teamsOf(row), warning: UpgradeWarningSchema.parse(JSON.parse(row.warning)) };
}
