import type { SlaTargetKind } from '@handoff/shared';
import { SYSTEM_USER } from '@handoff/shared';
import type { Kysely } from 'kysely';
import { log } from '../log.js';
import type { IncidentStore } from '../store/incidents.js';
import type { Database, IncidentRow, SlaTimerRow } from '../store/schema.js';
import { toTimer } from '../store/slaTimers.js';
import type { Store, Trx } from '../store/store.js';
import { nextFireAt, type Timer } from './timer.js';

export interface SchedulerOptions {
  /** Longest wait between two looks at the store (a timer set by another instance is seen within it). */
  pollMs?: number;
  /** Timers looked at per tick at most. */
  batch?: number;
  /** Work per tick after which no further timer is taken (the rest follow in the next tick). */
  budgetMs?: number;
  /**
   * How its commits reach the disk: `relaxed` (the default) does not wait for it — see
   * SlaScheduler; `durable` only to measure against.
   */
  durability?: 'durable' | 'relaxed';
  now?: () => number;
}

/** One warning or breach raised. */
export interface Fired {
  incidentId: number;
  kind: SlaTargetKind;
  event: 'warning' | 'breached';
  /** When it was due (the warning instant for a warning). */
  dueAt: number;
  firedAt: number;
}

const LABEL: Record<SlaTargetKind, string> = { first_response: 'First response', next_update: 'Next update', resolution: 'Resolution' };
const iso = (ms: number) => new Date(ms).toISOString();

/** A due timer with what its timeline entry needs of the incident. */
type DueRow = SlaTimerRow & Pick<IncidentRow, 'status' | 'team' | 'owner_id' | 'reporter_id' | 'title'>;
/** A team lead, notified of raises on their teams' incidents. */
type Lead = { id: number; teams: Set<string> };

/**
 * Raises service-level warnings and breaches from the due times stored in the database. Every
 * instance runs one; a timer fires in exactly one of them because each raise is claimed by a
 * conditional UPDATE (`… where warned_at is null`) in the transaction that appends it to the
 * timeline — an instance that loses the race updates no row and appends nothing. Nothing is
 * kept in memory, so a restart (or a crash) between due time and breach still fires it, once.
 *
 * On SQLite its commits do not wait for the disk (`durability: 'relaxed'`, see Store.write): the
 * fsync was most of a tick's time, and the event loop waits for it. What it writes is derived
 * from the stored due times: a raise lost in an OS crash or power cut leaves its timer unclaimed
 * and still due, and the next tick raises it again — once per durable state, by the same claim;
 * the timeline ids the lost raises had are not handed out again. A crash of the process loses
 * nothing (the WAL is written, only not synced), and any later durable commit or checkpoint makes
 * the earlier relaxed ones durable too. On PostgreSQL every commit is durable.
 */
export class SlaScheduler {
  private readonly pollMs: number;
  private readonly batch: number;
  private readonly budgetMs: number;
  private readonly durability: 'durable' | 'relaxed';
  private readonly now: () => number;
  private stopped = true;
  /** stop() was called: a tick in progress ends after its current transaction. */
  private halting = false;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Called after each tick (the benchmark measures work and lateness with it). */
  onTick: ((info: { workMs: number; fired: Fired[] }) => void) | null = null;

  constructor(
    private readonly store: Store,
    private readonly incidents: IncidentStore,
    opts: SchedulerOptions = {},
  ) {
    this.pollMs = opts.pollMs ?? 500;
    this.batch = opts.batch ?? 50;
    // On SQLite a transaction holds the event loop: ~2 ms at a time. On PostgreSQL it waits on
    // round trips with the loop free, and only holds the write lock: at 2 ms it fired one timer per
    // transaction (its begin, lock, notify and commit dominating), too few to keep up with 200 due
    // a second in the benchmark.
    this.budgetMs = opts.budgetMs ?? (store.engine === 'postgres' ? 15 : 2);
    this.durability = opts.durability ?? 'relaxed';
    this.now = opts.now ?? Date.now;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.halting = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.halting = true;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.tick();
      } catch (err) {
        log.error({ err }, 'service-level scheduler: tick failed; retrying');
      }
      if (this.stopped) break;
      const wait = await this.untilNext().catch(() => this.pollMs);
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, wait);
      });
    }
  }

  /** Milliseconds until the next stored fire time, at most `pollMs`. */
  private async untilNext(): Promise<number> {
    const next = await this.store.db
      .selectFrom('sla_timers')
      .select('next_fire_at')
      .where('next_fire_at', 'is not', null)
      .orderBy('next_fire_at')
      .limit(1)
      .executeTakeFirst();
    if (!next?.next_fire_at) return this.pollMs;
    return Math.max(0, Math.min(this.pollMs, Date.parse(next.next_fire_at) - this.now() + 1));
  }

  /**
   * Fires everything due now; returns what this instance raised. It works in transactions that
   * stop taking further timers once `budgetMs` of work is done, and lets the event loop run
   * between them: on SQLite a transaction holds the event loop, so a burst of due timers must
   * not stall live events and requests.
   */
  async tick(): Promise<Fired[]> {
    const now = this.now();
    const fired: Fired[] = [];
    // Read once per tick, and only when something is due.
    let leads: Promise<Lead[]> | null = null;
    const leadsOnce = (db: Kysely<Database>) => {
      leads ??= this.leads(db);
      return leads;
    };
    let rounds = 0;
    for (;;) {
      const started = performance.now();
      const some = await this.fireSome(now, leadsOnce, rounds++ === 0);
      this.onTick?.({ workMs: performance.now() - started, fired: some.fired });
      fired.push(...some.fired);
      if (!some.more || this.halting) return fired;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** One transaction's worth of due timers; `more` when some were left for the next. */
  private async fireSome(
    now: number,
    leadsOnce: (db: Kysely<Database>) => Promise<Lead[]>,
    first: boolean,
  ): Promise<{ fired: Fired[]; more: boolean }> {
    const due = () =>
      this.store.db.selectFrom('sla_timers').select('incident_id').where('next_fire_at', '<=', iso(now)).limit(1).executeTakeFirst();
    // A cheap look first, outside any transaction: an idle tick opens none (no write lock, and no
    // commit that would wake the event readers and the search indexer every poll). On SQLite only
    // the tick's first round looks: the rounds after it follow one that left timers due, and a
    // second select was ~15 % of such a round's work on the event loop. On PostgreSQL the leads
    // are read there too, outside the lock.
    if (this.store.engine === 'postgres' || first) {
      if (!(await due())) return { fired: [], more: false };
      if (this.store.engine === 'postgres') await leadsOnce(this.store.db);
    }
    return this.store.write(
      async (trx) => {
        const started = performance.now();
        // Under the write lock, with what the timeline entry needs of the incident, in one query.
        const rows = await trx
          .selectFrom('sla_timers as s')
          .innerJoin('incidents as i', 'i.id', 's.incident_id')
          .selectAll('s')
          .select(['i.status', 'i.team', 'i.owner_id', 'i.reporter_id', 'i.title'])
          .where('s.next_fire_at', '<=', iso(now))
          .orderBy('s.next_fire_at')
          .limit(this.batch)
          .execute();
        if (rows.length === 0) return { fired: [], more: false };
        const leads = await leadsOnce(trx);
        const fired: Fired[] = [];
        let done = 0;
        while (done < rows.length && (done === 0 || performance.now() - started < this.budgetMs)) {
          fired.push(...(await this.fire(trx, rows[done]!, now, leads)));
          done++;
        }
        // More when this one stopped early, or took a full batch and made progress (no endless retries).
        return { fired, more: done < rows.length || (rows.length >= this.batch && done > 0) };
      },
      { durability: this.durability },
    );
  }

  private async leads(db: Kysely<Database>): Promise<Lead[]> {
    const rows = await db.selectFrom('users').select(['id', 'teams']).where('role', '=', 'lead').execute();
    return rows.map((l) => ({ id: l.id, teams: new Set(JSON.parse(l.teams) as string[]) }));
  }

  private async fire(trx: Trx, row: DueRow, now: number, leads: Lead[]): Promise<Fired[]> {
    const incidentId = row.incident_id;
    const t = toTimer(row);
    const raise: Fired[] = [];
    let next: Timer = t;
    // A met timer raises nothing; the claim below only clears its fire time.
    const open = t.metAt === null;
    if (open && t.warnAt !== null && t.warnedAt === null && t.warnAt <= now) {
      next = { ...next, warnedAt: now };
      raise.push({ incidentId, kind: t.kind, event: 'warning', dueAt: t.warnAt, firedAt: now });
    }
    if (open && t.dueAt !== null && t.breachedAt === null && t.dueAt <= now) {
      next = { ...next, breachedAt: now, warnedAt: next.warnedAt ?? now };
      raise.push({ incidentId, kind: t.kind, event: 'breached', dueAt: t.dueAt, firedAt: now });
    }
    // The claim: only the instance whose UPDATE still finds the raise unclaimed goes on.
    const fireAt = nextFireAt(next);
    let claim = trx
      .updateTable('sla_timers')
      .set({
        warned_at: next.warnedAt === null ? null : iso(next.warnedAt),
        breached_at: next.breachedAt === null ? null : iso(next.breachedAt),
        next_fire_at: fireAt === null ? null : iso(fireAt),
      })
      .where('incident_id', '=', incidentId)
      .where('kind', '=', row.kind);
    if (raise.some((r) => r.event === 'warning')) claim = claim.where('warned_at', 'is', null);
    if (raise.some((r) => r.event === 'breached')) claim = claim.where('breached_at', 'is', null);
    if (raise.length === 0) {
      // Nothing due after all (moved by a change since it was listed): just correct the fire time.
      await claim.execute();
      return [];
    }
    const result = await claim.executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return [];

    const notify = [
      ...new Set([
        row.reporter_id,
        ...(row.owner_id === null ? [] : [row.owner_id]),
        ...leads.filter((l) => row.team !== null && l.teams.has(row.team)).map((l) => l.id),
      ]),
    ];
    const incident = {
      id: incidentId,
      status: row.status,
      team: row.team,
      owner_id: row.owner_id,
      reporter_id: row.reporter_id,
      title: row.title,
    };
    for (const r of raise) {
      const what = LABEL[t.kind];
      const text =
        r.event === 'warning'
          ? `${what} target nearly reached: ${Math.round((t.warnMs / t.targetMs) * 100)} % used, due ${iso(t.dueAt ?? now)}.`
          : `${what} target breached: it was due ${iso(r.dueAt)}.`;
      await this.incidents.appendEntry(trx, incident, SYSTEM_USER.id, {
        kind: r.event === 'warning' ? 'sla_warning' : 'sla_breached',
        text,
        data: { target: t.kind, policy: t.policyId, dueAt: iso(t.dueAt ?? r.dueAt), firedAt: iso(now), notify },
      });
    }
    return raise;
  }
}
