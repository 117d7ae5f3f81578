import { sql } from 'kysely';
import {
  CustomerSchema,
  type IncidentSla,
  PolicyInputSchema,
  type SlaTargetKind,
  SlaTargetKindSchema,
  StatusSchema,
  SYSTEM_USER,
} from '@handoff/shared';
import { type LifecycleChange, nextTimers, RESPONSE_KINDS } from '../sla/lifecycle.js';
import { nextFireAt, stateOf, type Timer } from '../sla/timer.js';
import type { IncidentStore } from './incidents.js';
import type { IncidentRow, SlaTimerRow, TimelineRow } from './schema.js';
import type { SlaConfigStore } from './sla.js';
import type { Store, Trx } from './store.js';

/** Incidents whose service levels still run. */
const openIncidents = (trx: Trx) =>
  trx.selectFrom('incidents').selectAll().where('status', 'not in', ['verified', 'closed', 'not_reproducible', 'duplicate', 'wont_fix']);

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const ms = (text: string | null) => (text === null ? null : Date.parse(text));

/** The one codec between a timer and its row. */
export function toTimer(row: SlaTimerRow): Timer {
  return {
    kind: SlaTargetKindSchema.parse(row.kind),
    policyId: row.policy_id,
    targetMs: Number(row.target_ms),
    warnMs: Number(row.warn_ms),
    consumedMs: Number(row.consumed_ms),
    runningSince: ms(row.running_since),
    dueAt: ms(row.due_at),
    warnAt: ms(row.warn_at),
    warnedAt: ms(row.warned_at),
    breachedAt: ms(row.breached_at),
    metAt: ms(row.met_at),
  };
}

export function toTimerRow(incidentId: number, t: Timer): SlaTimerRow {
  return {
    incident_id: incidentId,
    kind: t.kind,
    policy_id: t.policyId,
    target_ms: t.targetMs,
    warn_ms: t.warnMs,
    consumed_ms: t.consumedMs,
    running_since: iso(t.runningSince),
    due_at: iso(t.dueAt),
    warn_at: iso(t.warnAt),
    warned_at: iso(t.warnedAt),
    breached_at: iso(t.breachedAt),
    met_at: iso(t.metAt),
    next_fire_at: iso(nextFireAt(t)),
  };
}

const sameTimer = (a: Timer, b: Timer) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The stored timers of incidents: recomputed in the same transaction as every change of an
 * incident (so a due time is never behind what happened), and read for every client.
 */
export class SlaTimerStore {
  constructor(
    private readonly store: Store,
    private readonly config: SlaConfigStore,
    private readonly now: () => number = Date.now,
  ) {}

  async load(trx: Trx, incidentId: number): Promise<Timer[]> {
    const rows = await trx.selectFrom('sla_timers').selectAll().where('incident_id', '=', incidentId).execute();
    return rows.map(toTimer);
  }

  /** Writes the timers that differ from `before` and deletes those no longer promised; true when anything changed. */
  async save(trx: Trx, incidentId: number, before: readonly Timer[], after: readonly Timer[]): Promise<boolean> {
    const kept = new Set(after.map((t) => t.kind));
    const gone = before.filter((t) => !kept.has(t.kind)).map((t) => t.kind);
    if (gone.length) await trx.deleteFrom('sla_timers').where('incident_id', '=', incidentId).where('kind', 'in', gone).execute();
    const rows = after.filter((t) => !before.some((b) => b.kind === t.kind && sameTimer(b, t))).map((t) => toTimerRow(incidentId, t));
    // One statement for every changed timer (a new incident has up to three: one round trip, not three).
    if (rows.length)
      await trx
        .insertInto('sla_timers')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['incident_id', 'kind']).doUpdateSet((eb) => ({
            policy_id: eb.ref('excluded.policy_id'),
            target_ms: eb.ref('excluded.target_ms'),
            warn_ms: eb.ref('excluded.warn_ms'),
            consumed_ms: eb.ref('excluded.consumed_ms'),
            running_since: eb.ref('excluded.running_since'),
            due_at: eb.ref('excluded.due_at'),
            warn_at: eb.ref('excluded.warn_at'),
            warned_at: eb.ref('excluded.warned_at'),
            breached_at: eb.ref('excluded.breached_at'),
            met_at: eb.ref('excluded.met_at'),
            next_fire_at: eb.ref('excluded.next_fire_at'),
          })),
        )
        .execute();
    const changed = gone.length > 0 || rows.length > 0;
    return changed;
  }

  /** Called by the incident store inside every write that changes an incident (see IncidentStore.slaHook). */
  async onIncidentChange(trx: Trx, before: IncidentRow | null, after: IncidentRow, entry: TimelineRow): Promise<void> {
    const change: LifecycleChange = {
      created: before === null,
      from: before ? StatusSchema.parse(before.status) : null,
      to: StatusSchema.parse(after.status),
      response: RESPONSE_KINDS.has(entry.kind) && entry.actor_id !== after.reporter_id && entry.actor_id !== SYSTEM_USER.id,
    };
    const active = await this.config.policyFor(trx, after.severity, after.customer);
    const current = before === null ? [] : await this.load(trx, after.id);
    if (!active && current.length === 0) return;
    await this.save(trx, after.id, current, nextTimers(current, active, change, this.now()));
  }

  /**
   * After a policy changed: recomputes the timers of every open incident of its severity under
   * the policy that applies to it now, and records on each incident whose due times moved that
   * they did. Returns how many incidents changed.
   */
  async recomputeOpen(trx: Trx, incidents: IncidentStore, severity: string, policyName: string): Promise<number> {
    const rows = await openIncidents(trx).where('severity', '=', severity).execute();
    return this.recompute(trx, incidents, rows, `Service-level policy "${policyName}" changed`);
  }

  /**
   * After a customer organisation's plan changed (`plan` null: taken off its plan): recomputes its
   * open incidents under the policy that applies now. The customer is stored as JSON, so a LIKE
   * on its serialised org picks the candidates and the parsed org decides.
   */
  async recomputeForOrg(trx: Trx, incidents: IncidentStore, org: string, plan: string | null): Promise<number> {
    const pattern = `%${`"org":${JSON.stringify(org)}`.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const candidates = await openIncidents(trx).where(sql<boolean>`customer like ${pattern} escape '\\'`).execute();
    const rows = candidates.filter((r) => CustomerSchema.safeParse(JSON.parse(r.customer)).data?.org === org);
    const reason = plan ? `Customer "${org}" moved to plan "${plan}"` : `Customer "${org}" taken off its plan`;
    return this.recompute(trx, incidents, rows, reason);
  }

  /** Recomputes the timers of `rows` and records on each whose due times moved why they did. */
  private async recompute(trx: Trx, incidents: IncidentStore, rows: IncidentRow[], reason: string): Promise<number> {
    const now = this.now();
    let changed = 0;
    for (const row of rows) {
      const status = StatusSchema.parse(row.status);
      const current = await this.load(trx, row.id);
      const active = await this.config.policyFor(trx, row.severity, row.customer);
      const next = nextTimers(current, active, { created: false, from: status, to: status, response: false }, now);
      if (!(await this.save(trx, row.id, current, next))) continue;
      changed++;
      const due = next.filter((t) => t.dueAt !== null).map((t) => `${t.kind.replace('_', ' ')} due ${iso(t.dueAt)}`);
      await incidents.appendEntry(trx, row, SYSTEM_USER.id, {
        kind: 'sla_changed',
        text: `${reason}; due times recomputed${due.length ? `: ${due.join(', ')}` : ''}.`,
        data: { policy: active?.policy.id ?? null, targets: next.map((t) => ({ kind: t.kind, dueAt: iso(t.dueAt) })) },
      });
    }
    return changed;
  }

  /** The promise on each of `ids` that has one. */
  async slaOf(ids: readonly number[]): Promise<Map<number, IncidentSla>> {
    const out = new Map<number, IncidentSla>();
    if (ids.length === 0) return out;
    const rows = await this.store.db
      .selectFrom('sla_timers')
      .selectAll()
      .where('incident_id', 'in', [...ids])
      .execute();
    const policyIds = [...new Set(rows.map((r) => r.policy_id))];
    const policies = policyIds.length
      ? await this.store.db.selectFrom('sla_policies').select(['id', 'definition']).where('id', 'in', policyIds).execute()
      : [];
    const byId = new Map(policies.map((p) => [p.id, PolicyInputSchema.parse(JSON.parse(p.definition))]));
    const order: SlaTargetKind[] = ['first_response', 'next_update', 'resolution'];
    for (const row of rows.sort((a, b) => order.indexOf(a.kind as SlaTargetKind) - order.indexOf(b.kind as SlaTargetKind))) {
      const p = byId.get(row.policy_id);
      if (!p) continue;
      const t = toTimer(row);
      const sla = out.get(row.incident_id) ?? {
        policy: { id: p.id, name: p.name, customerFacing: p.customerFacing, calendar: p.calendar },
        targets: [],
      };
      sla.targets.push({
        kind: t.kind,
        dueAt: iso(t.dueAt),
        state: stateOf(t),
        metAt: iso(t.metAt),
        remainingMs: t.runningSince === null && t.metAt === null ? Math.max(0, t.targetMs - t.consumedMs) : null,
      });
      out.set(row.incident_id, sla);
    }
    return out;
  }
}
