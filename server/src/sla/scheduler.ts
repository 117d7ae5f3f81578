import type { SlaTargetKind } from '@handoff/shared';
import { SYSTEM_USER } from '@handoff/shared';
import { log } from '../log.js';
import type { IncidentStore } from '../store/incidents.js';
import { toTimer } from '../store/slaTimers.js';
import type { Store, Trx } from '../store/store.js';
import { nextFireAt, type Timer } from './timer.js';

export interface SchedulerOptions {
  /** Longest wait between two looks at the store (a timer set by another instance is seen within it). */
  pollMs?: number;
  /** Timers fired per transaction at most (bounds the work of one tick). */
  batch?: number;
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

/**
 * Raises service-level warnings and breaches from the due times stored in the database. Every
 * instance runs one; a timer fires in exactly one of them because each raise is claimed by a
 * conditional UPDATE (`… where warned_at is null`) in the transaction that appends it to the
 * timeline — an instance that loses the race updates no row and appends nothing. Nothing is
 * kept in memory, so a restart (or a crash) between due time and breach still fires it, once.
 */
export class SlaScheduler {
  private readonly pollMs: number;
  private readonly batch: number;
  private readonly now: () => number;
  private stopped = true;
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
    this.batch = opts.batch ?? 20;
    this.now = opts.now ?? Date.now;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let full = false;
      try {
        const started = performance.now();
        const fired = await this.tick();
        this.onTick?.({ workMs: performance.now() - started, fired });
        full = fired.length >= this.batch;
      } catch (err) {
        log.error({ err }, 'service-level scheduler: tick failed; retrying');
      }
      if (this.stopped) break;
      const wait = full ? 0 : await this.untilNext().catch(() => this.pollMs);
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

  /** Fires what is due now; returns what this instance raised. */
  async tick(): Promise<Fired[]> {
    const now = this.now();
    const due = await this.store.db
      .selectFrom('sla_timers')
      .select(['incident_id', 'kind'])
      .where('next_fire_at', '<=', iso(now))
      .orderBy('next_fire_at')
      .limit(this.batch)
      .execute();
    if (due.length === 0) return [];
    return this.store.write(async (trx) => {
      const leads = await trx.selectFrom('users').select(['id', 'teams']).where('role', '=', 'lead').execute();
      const fired: Fired[] = [];
      for (const d of due) fired.push(...(await this.fire(trx, d.incident_id, d.kind, now, leads)));
      return fired;
    });
  }

  private async fire(trx: Trx, incidentId: number, kind: string, now: number, leads: { id: number; teams: string }[]): Promise<Fired[]> {
    const row = await trx
      .selectFrom('sla_timers')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (!row) return [];
    const t = toTimer(row);
    if (t.metAt !== null) return [];
    const raise: Fired[] = [];
    let next: Timer = t;
    if (t.warnAt !== null && t.warnedAt === null && t.warnAt <= now) {
      next = { ...next, warnedAt: now };
      raise.push({ incidentId, kind: t.kind, event: 'warning', dueAt: t.warnAt, firedAt: now });
    }
    if (t.dueAt !== null && t.breachedAt === null && t.dueAt <= now) {
      next = { ...next, breachedAt: now, warnedAt: next.warnedAt ?? now };
      raise.push({ incidentId, kind: t.kind, event: 'breached', dueAt: t.dueAt, firedAt: now });
    }
    // The claim: only the instance whose UPDATE still finds the raise unclaimed goes on.
    let claim = trx
      .updateTable('sla_timers')
      .set({
        warned_at: next.warnedAt === null ? null : iso(next.warnedAt),
        breached_at: next.breachedAt === null ? null : iso(next.breachedAt),
        next_fire_at: nextFireAt(next) === null ? null : iso(nextFireAt(next)!),
      })
      .where('incident_id', '=', incidentId)
      .where('kind', '=', kind);
    if (raise.some((r) => r.event === 'warning')) claim = claim.where('warned_at', 'is', null);
    if (raise.some((r) => r.event === 'breached')) claim = claim.where('breached_at', 'is', null);
    if (raise.length === 0) {
      // Nothing due after all (moved by a change since it was listed): just correct the fire time.
      await claim.execute();
      return [];
    }
    const result = await claim.executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return [];

    const incident = await this.incidents.row(incidentId, trx);
    const notify = [
      ...new Set([
        incident.reporter_id,
        ...(incident.owner_id === null ? [] : [incident.owner_id]),
        ...leads.filter((l) => incident.team !== null && (JSON.parse(l.teams) as string[]).includes(incident.team)).map((l) => l.id),
      ]),
    ];
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
