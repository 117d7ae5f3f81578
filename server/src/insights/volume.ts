import type { DurationRow, DurationStats, Volume } from '@handoff/shared';
import { quantileSorted } from 'd3-array';
import { utcMonday } from 'd3-time';
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Database, InsightFactsTable, InsightSpansTable } from '../store/schema.js';
import { type InsightDeps, type InsightScope, inFactsScope, periodEnd } from './scope.js';

/** Statuses an incident rests in for good: time spent there is not waiting. */
const FINAL = new Set(['closed', 'duplicate', 'wont_fix', 'not_reproducible']);

const round = (n: number) => Math.round(n * 100) / 100;

/** Median and p90 (d3's quantiles, linear between ranks) of durations in hours. */
export function durationStats(hours: number[]): DurationStats {
  const sorted = [...hours].sort((a, b) => a - b);
  const q = (p: number) => {
    const v = quantileSorted(sorted, p);
    return v === undefined ? null : round(v);
  };
  return { count: sorted.length, medianHours: q(0.5), p90Hours: q(0.9) };
}

/**
 * Volume and time: incidents per week and category; time to first response, to fix and to close
 * per category, component and team (median, p90); and where incidents wait (hours per status).
 * Read from the per-incident rollups (insight_facts, insight_spans), never the timeline.
 */
export async function volume(deps: InsightDeps, scope: InsightScope): Promise<Volume> {
  const day = sql<string>`substr(f.created_at, 1, 10)`;
  const perDay = await inFactsScope(deps.db.selectFrom('insight_facts as f'), scope)
    .select([day.as('day'), 'f.category as category', sql<number>`count(*)`.as('incidents')])
    .groupBy([day, 'f.category'])
    .execute();
  const weeks = new Map<string, { week: string; category: string; incidents: number }>();
  for (const r of perDay) {
    const week = utcMonday
      .floor(new Date(`${r.day}T00:00:00Z`))
      .toISOString()
      .slice(0, 10);
    const key = `${week}\u0000${r.category}`;
    const cur = weeks.get(key) ?? { week, category: r.category, incidents: 0 };
    cur.incidents += Number(r.incidents);
    weeks.set(key, cur);
  }
  const perWeek = [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week) || a.category.localeCompare(b.category));
  const [durations, waiting] = await Promise.all([durationRows(deps, scope), waitingTimes(deps, scope)]);
  return { perWeek, durations, waiting };
}

const HOUR = 3_600_000;
/** Hours from `from` to `to` in epoch ms: the same number `hoursBetween` gives for their ISO times. */
const hours = (from: number, to: number) => (to - from) / HOUR;
const msOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

async function durationRows(deps: InsightDeps, scope: InsightScope): Promise<DurationRow[]> {
  // Incidents with at least one entry that counts as a response (the ones the timeline join saw).
  const rows = await inFactsScope(deps.db.selectFrom('insight_facts as f'), scope)
    .select(['f.category', 'f.component', 'f.team', 'f.created_ms', 'f.responded_ms', 'f.fixed_ms', 'f.closed_ms'])
    .where('f.any_response', '=', 1)
    .execute();
  const out: DurationRow[] = [];
  for (const by of ['category', 'component', 'team'] as const) {
    const buckets = new Map<string, { responded: number[]; fixed: number[]; closed: number[] }>();
    for (const r of rows) {
      const key = r[by] ?? '(none)';
      const b = buckets.get(key) ?? { responded: [], fixed: [], closed: [] };
      const created = Number(r.created_ms);
      const [responded, fixed, closed] = [msOrNull(r.responded_ms), msOrNull(r.fixed_ms), msOrNull(r.closed_ms)];
      if (responded !== null) b.responded.push(hours(created, responded));
      if (fixed !== null) b.fixed.push(hours(created, fixed));
      if (closed !== null) b.closed.push(hours(created, closed));
      buckets.set(key, b);
    }
    for (const [key, b] of [...buckets].sort((x, y) => x[0].localeCompare(y[0]))) {
      out.push({ by, key, firstResponse: durationStats(b.responded), fix: durationStats(b.fixed), close: durationStats(b.closed) });
    }
  }
  return out;
}

type SpansQuery = () => SelectQueryBuilder<Database & { f: InsightFactsTable; s: InsightSpansTable }, 'f' | 's', object>;

/**
 * The spans' durations at the given 0-based ranks per status. PostgreSQL picks them with
 * percentile_disc (a fraction of (rank + ½) / n lands exactly on that rank), SQLite numbers the
 * sorted spans with a window function.
 */
async function spansAtRanks(
  deps: InsightDeps,
  spans: SpansQuery,
  duration: RawBuilder<number>,
  ranks: Map<string, { n: number; i0: number }>,
  wanted: Set<number>,
): Promise<{ status: string; ms: number; rank: number }[]> {
  if (deps.engine === 'postgres') {
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
  const rows = await deps.db
    .selectFrom(
      spans()
        .select([
          's.status as status',
          duration.as('ms'),
          sql<number>`row_number() over (partition by s.status order by ${duration}) - 1`.as('rank'),
        ])
        .as('r'),
    )
    .select(['r.status', 'r.ms', 'r.rank'])
    .where('r.rank', 'in', [...wanted])
    .execute();
  return rows.map((r) => ({ status: r.status, ms: Number(r.ms), rank: Number(r.rank) }));
}

/**
 * Time per status: every ended span, plus each open span of an incident not resting in a final
 * status, up to the end of the period. Totals are summed in SQL (exact integer milliseconds);
 * medians come from the sorted spans (d3's quantile: the two ranks around it, interpolated).
 */
async function waitingTimes(deps: InsightDeps, scope: InsightScope): Promise<Volume['waiting']> {
  const end = periodEnd(scope).getTime();
  const duration =
    deps.engine === 'sqlite'
      ? sql<number>`coalesce(s.duration_ms, ${end} - s.started_ms)`
      : sql<number>`coalesce(s.duration_ms, ${end}::bigint - s.started_ms)`;
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
  const wanted = new Set<number>();
  for (const t of totals) {
    const n = Number(t.n);
    const i = (n - 1) * 0.5;
    const i0 = n < 2 ? 0 : Math.floor(i);
    ranks.set(t.status, { n, i0 });
    wanted.add(i0);
    wanted.add(i0 + 1);
  }
  const ranked = totals.length ? await spansAtRanks(deps, spans, duration, ranks, wanted) : [];
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
