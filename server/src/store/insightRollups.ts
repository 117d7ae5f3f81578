import { type Kysely, sql } from 'kysely';
import type { Database, IncidentRow, InsightFactsTable, TimelineRow } from './schema.js';
import type { Trx } from './store.js';

/**
 * The insights' rollups, kept in the same write transaction as every change of an incident (the
 * incident store calls `factsOf` / `rollupEntry`), so the leads' insights read a few narrow rows
 * instead of joining every incident with its timeline:
 * - insight_facts: one row per incident (what it is counted by, when it was first answered,
 *   fixed and closed);
 * - insight_spans: its status spans (where it waited, and how long);
 * - insight_env: its environment's key/value pairs (what configDifferences compares).
 * No customer, no organisation, no text. Environment values may carry what erasure scrubs: the
 * erasure of an incident's text rewrites its pairs from the scrubbed environment (rollupEnvironment).
 */

/** Timeline entries that count as someone answering the reporter. */
export const RESPONSES = ['comment', 'question', 'status_changed', 'assigned', 'reproduction'];
/** Entries that start a status span. */
const SPAN_KINDS = new Set(['created', 'status_changed']);

type Db = Kysely<Database> | Trx;
type IncidentFacts = Pick<
  IncidentRow,
  | 'id'
  | 'created_at'
  | 'team'
  | 'product'
  | 'version'
  | 'category'
  | 'component'
  | 'status'
  | 'duplicate_of'
  | 'workaround'
  | 'affected_customers'
  | 'escalations'
  | 'reporter_id'
>;
type Entry = Pick<TimelineRow, 'incident_id' | 'at' | 'kind' | 'status' | 'actor_id'>;

/** The incident's own columns of its facts row. */
export function factsOf(row: IncidentFacts) {
  return {
    team: row.team,
    product: row.product,
    version: row.version,
    category: row.category,
    component: row.component,
    status: row.status,
    group_id: row.duplicate_of ?? row.id,
    is_duplicate: row.duplicate_of === null ? 0 : 1,
    has_workaround: row.workaround === null ? 0 : 1,
    affected_customers: row.affected_customers,
    escalations: row.escalations,
  };
}

/** The incident's environment pairs (what configDifferences compares), as stored JSON. */
function environmentPairs(incidentId: number, environment: string) {
  const env = JSON.parse(environment) as Record<string, unknown>;
  return Object.entries(env).map(([key, value]) => ({ incident_id: incidentId, key, value: String(value) }));
}

/**
 * Replaces the incident's environment pairs (its environment changed, or erasure scrubbed
 * personal data out of it: the rollup keeps only what the incident holds now).
 */
export async function rollupEnvironment(trx: Db, incidentId: number, environment: string): Promise<void> {
  await trx.deleteFrom('insight_env').where('incident_id', '=', incidentId).execute();
  const pairs = environmentPairs(incidentId, environment);
  if (pairs.length) await trx.insertInto('insight_env').values(pairs).execute();
}

/** A new incident's facts row (before its first entry). */
export async function rollupNewIncident(trx: Trx, row: IncidentRow): Promise<void> {
  const pairs = environmentPairs(row.id, row.environment);
  if (pairs.length) await trx.insertInto('insight_env').values(pairs).execute();
  await trx
    .insertInto('insight_facts')
    .values({
      incident_id: row.id,
      created_at: row.created_at,
      created_ms: Date.parse(row.created_at),
      reporter_id: row.reporter_id,
      any_response: 0,
      responded_ms: null,
      fixed_ms: null,
      closed_ms: null,
      ...factsOf(row),
    })
    .execute();
}

/** An incident's changed columns (called with its row before and after the change). */
export async function rollupChangedIncident(trx: Trx, before: IncidentRow, after: IncidentRow): Promise<void> {
  await trx.updateTable('insight_facts').set(factsOf(after)).where('incident_id', '=', after.id).execute();
  if (before.environment !== after.environment) await rollupEnvironment(trx, after.id, after.environment);
}

/** The earlier of the stored time and `ms` (the first response, fix or close). */
const earliest = (column: 'responded_ms' | 'fixed_ms' | 'closed_ms', ms: number) =>
  sql<number>`case when ${sql.ref(column)} is null or ${sql.ref(column)} > ${ms} then ${ms} else ${sql.ref(column)} end`;

/** What one appended timeline entry changes in the rollups. */
export async function rollupEntry(trx: Trx, entry: Entry, reporterId: number): Promise<void> {
  const ms = Date.parse(entry.at);
  if (RESPONSES.includes(entry.kind)) {
    const set: Record<string, unknown> = { any_response: 1 };
    if (entry.actor_id !== reporterId) set.responded_ms = earliest('responded_ms', ms);
    if (entry.kind === 'status_changed' && entry.status === 'fixed') set.fixed_ms = earliest('fixed_ms', ms);
    if (entry.kind === 'status_changed' && entry.status === 'closed') set.closed_ms = earliest('closed_ms', ms);
    await trx.updateTable('insight_facts').set(set).where('incident_id', '=', entry.incident_id).execute();
  }
  if (SPAN_KINDS.has(entry.kind)) {
    // A new incident has no span to end yet.
    if (entry.kind !== 'created')
      await trx
        .updateTable('insight_spans')
        .set({ duration_ms: sql<number>`${ms} - started_ms` })
        .where('incident_id', '=', entry.incident_id)
        .where('duration_ms', 'is', null)
        .execute();
    await trx.insertInto('insight_spans').values({ incident_id: entry.incident_id, status: entry.status, started_ms: ms }).execute();
  }
}

const BATCH = 2_000;
const INSERT_ROWS = 1_000;

/**
 * Builds the rollups from the incidents and their timelines, in batches of incidents (migration
 * 0016's backfill; also after a bulk import that bypassed the store). Replaces what is there.
 */
export async function rebuildInsightRollups(db: Db): Promise<number> {
  await db.deleteFrom('insight_env').execute();
  await db.deleteFrom('insight_spans').execute();
  await db.deleteFrom('insight_facts').execute();
  let after = 0;
  let done = 0;
  for (;;) {
    const incidents = await db
      .selectFrom('incidents')
      .select([
        'id',
        'created_at',
        'team',
        'product',
        'version',
        'category',
        'component',
        'status',
        'duplicate_of',
        sql<number>`case when workaround is null then 0 else 1 end`.as('has_workaround'),
        'affected_customers',
        'escalations',
        'reporter_id',
        'environment',
      ])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!incidents.length) return done;
    const first = incidents[0]!.id;
    after = incidents[incidents.length - 1]!.id;
    const entries = await db
      .selectFrom('timeline')
      .select(['incident_id', 'at', 'kind', 'status', 'actor_id'])
      .where('incident_id', '>=', first)
      .where('incident_id', '<=', after)
      .where('kind', 'in', [...new Set([...RESPONSES, ...SPAN_KINDS])])
      .orderBy('incident_id')
      .orderBy('id')
      .execute();
    const byIncident = new Map<number, typeof entries>();
    for (const e of entries) {
      const list = byIncident.get(e.incident_id) ?? [];
      list.push(e);
      byIncident.set(e.incident_id, list);
    }
    const facts: InsightFactsTable[] = [];
    const env = incidents.flatMap((i) => environmentPairs(i.id, i.environment));
    const spans: { incident_id: number; status: string; started_ms: number; duration_ms: number | null }[] = [];
    for (const i of incidents) {
      const f: InsightFactsTable = {
        incident_id: i.id,
        created_at: i.created_at,
        created_ms: Date.parse(i.created_at),
        reporter_id: i.reporter_id,
        any_response: 0,
        responded_ms: null,
        fixed_ms: null,
        closed_ms: null,
        ...factsOf({ ...i, workaround: Number(i.has_workaround) ? '' : null, escalations: Number(i.escalations) }),
      };
      const min = (a: number | null, b: number) => (a === null || a > b ? b : a);
      let open: (typeof spans)[number] | null = null;
      for (const e of byIncident.get(i.id) ?? []) {
        const ms = Date.parse(e.at);
        if (RESPONSES.includes(e.kind)) {
          f.any_response = 1;
          if (e.actor_id !== i.reporter_id) f.responded_ms = min(f.responded_ms, ms);
          if (e.kind === 'status_changed' && e.status === 'fixed') f.fixed_ms = min(f.fixed_ms, ms);
          if (e.kind === 'status_changed' && e.status === 'closed') f.closed_ms = min(f.closed_ms, ms);
        }
        if (SPAN_KINDS.has(e.kind)) {
          if (open) open.duration_ms = ms - open.started_ms;
          open = { incident_id: i.id, status: e.status, started_ms: ms, duration_ms: null };
          spans.push(open);
        }
      }
      facts.push(f);
    }
    // Chunks stay under SQLite's 32,766 bound parameters per statement.
    for (let s = 0; s < facts.length; s += INSERT_ROWS)
      await db
        .insertInto('insight_facts')
        .values(facts.slice(s, s + INSERT_ROWS))
        .execute();
    for (let s = 0; s < env.length; s += INSERT_ROWS)
      await db
        .insertInto('insight_env')
        .values(env.slice(s, s + INSERT_ROWS))
        .execute();
    for (let s = 0; s < spans.length; s += INSERT_ROWS)
      await db
        .insertInto('insight_spans')
        .values(spans.slice(s, s + INSERT_ROWS))
        .execute();
    done += incidents.length;
  }
}
