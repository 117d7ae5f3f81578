import type { Volume } from '@handoff/shared';
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Database, InsightFactsTable, InsightSpansTable } from '../store/schema.js';
import { FINAL, HOUR, round } from './volume.js';
import { type InsightDeps, type InsightScope, inFactsScope, periodEnd } from './scope.js';

/**
 * volume's waiting times on PostgreSQL, aggregated in the database on every call: moving every
 * span to the worker (as SQLite's waitingSpans does, to answer any "now" from memory) cost more
 * there than PostgreSQL's own sort and percentile (1.8 times, same run, 100k incidents).
 */
type SpansQuery = () => SelectQueryBuilder<Database & { f: InsightFactsTable; s: InsightSpansTable }, 'f' | 's', object>;

/**
 * The spans' durations at the given 0-based ranks per status, picked with percentile_disc (a
 * fraction of (rank + ½) / n lands exactly on that rank).
 */
async function spansAtRanks(
  spans: SpansQuery,
  duration: RawBuilder<number>,
  ranks: Map<string, { n: number; i0: number }>,
): Promise<{ status: string; ms: number; rank: number }[]> {
  const picks = [...ranks].map(([status, { n, i0 }]) => ({ status, ranks: n < 2 ? [0] : [i0, i0 + 1], n }));
  const cases = picks.map((p) => sql`when ${p.status} then ${`{${p.ranks.map((r) => (r + 0.5) / p.n).join(',')}}`}::float8[]`);
  const rows = await spans()
    .select([
      's.status as status',
      sql<string[]>`percentile_disc(case s.status ${sql.join(cases, sql` `)} end) within group (order by ${duration})`.as('ms'),
    ])
    .groupBy('s.status')
    .execute();
  const byStatus = new Map(picks.map((p) => [p.status, p.ranks]));
  return rows.flatMap((r) => (byStatus.get(r.status) ?? []).map((rank, i) => ({ status: r.status, ms: Number(r.ms[i]), rank })));
}

/**
 * Time per status: every ended span, plus each open span of an incident not resting in a final
 * status, up to the end of the period. Totals are summed in SQL (exact integer milliseconds);
 * medians come from the sorted spans (d3's quantile: the two ranks around it, interpolated).
 */
export async function waitingTimesPg(deps: InsightDeps, scope: InsightScope): Promise<Volume['waiting']> {
  const end = periodEnd(scope).getTime();
  const duration = sql<number>`coalesce(s.duration_ms, ${end}::bigint - s.started_ms)`;
  const spans = () =>
    inFactsScope(deps.db.selectFrom('insight_facts as f').innerJoin('insight_spans as s', 's.incident_id', 'f.incident_id'), scope).where(
      (eb) => eb.or([eb('s.duration_ms', 'is not', null), eb.and([eb('s.status', 'not in', [...FINAL]), eb('s.started_ms', '<', end)])]),
    );
  const totals = await spans()
    .select([
      's.status as status',
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(${duration})`.as('ms'),
      // Equal totals keep the order in which their statuses first came up (by incident, then entry).
      sql<number>`min(s.incident_id * 4294967296 + s.id)`.as('first'),
    ])
    .groupBy('s.status')
    .execute();
  const ranks = new Map<string, { n: number; i0: number }>();
  for (const t of totals) {
    const n = Number(t.n);
    const i = (n - 1) * 0.5;
    const i0 = n < 2 ? 0 : Math.floor(i);
    ranks.set(t.status, { n, i0 });
  }
  const ranked = totals.length ? await spansAtRanks(spans, duration, ranks) : [];
  const at = new Map(ranked.map((r) => [`${r.status}\u0000${Number(r.rank)}`, Number(r.ms) / HOUR]));
  return totals
    .map((t) => {
      const { n, i0 } = ranks.get(t.status)!;
      // d3.quantileSorted(sorted, 0.5): the lowest for fewer than two, else linear between ranks.
      const v0 = at.get(`${t.status}\u0000${i0}`)!;
      const median = n < 2 ? v0 : v0 + ((at.get(`${t.status}\u0000${i0 + 1}`) ?? v0) - v0) * ((n - 1) * 0.5 - i0);
      return { status: t.status, totalHours: round(Number(t.ms) / HOUR), medianHours: round(median), first: Number(t.first) };
    })
    .sort((a, b) => b.totalHours - a.totalHours || a.first - b.first)
    .map(({ first: _, ...w }) => w);
}
