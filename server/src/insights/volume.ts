import type { DurationRow, DurationStats, Volume } from '@handoff/shared';
import { quantileSorted } from 'd3-array';
import { utcMonday } from 'd3-time';
import { sql } from 'kysely';
import { type InsightDeps, type InsightScope, inFactsScope, memoOf, periodEnd, scopeKey } from './scope.js';
import { waitingTimesPg } from './volumeWaitingPg.js';

/** Statuses an incident rests in for good: time spent there is not waiting. */
export const FINAL = new Set(['closed', 'duplicate', 'wont_fix', 'not_reproducible']);

export const round = (n: number) => Math.round(n * 100) / 100;

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
  // Everything but the open spans' durations is independent of now: memoised until the next commit.
  // PostgreSQL aggregates the waiting times itself on every call (see volumeWaitingPg.ts).
  const pg = deps.engine === 'postgres';
  const fixed = await memoOf(deps)('volume', scopeKey(scope), async () => {
    const [perWeek, durations, spans] = await Promise.all([
      perWeekOf(deps, scope),
      durationRows(deps, scope),
      pg ? Promise.resolve(null) : waitingSpans(deps, scope),
    ]);
    return { perWeek, durations, spans };
  });
  const waiting = fixed.spans ? waitingAt(fixed.spans, periodEnd(scope).getTime()) : await waitingTimesPg(deps, scope);
  return { perWeek: fixed.perWeek, durations: fixed.durations, waiting };
}

async function perWeekOf(deps: InsightDeps, scope: InsightScope): Promise<Volume['perWeek']> {
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
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week) || a.category.localeCompare(b.category));
}

export const HOUR = 3_600_000;
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

/** One status's spans in the scope, ready to answer for any end of the period. */
interface StatusSpans {
  status: string;
  /** Ended spans' durations (ms), ascending; their exact sum; their least order key. */
  ended: Float64Array;
  endedSum: bigint;
  endedFirst: number;
  /** Open spans (statuses that are not final) by start (ms), ascending; prefix sums and least order keys of the starts. */
  started: Float64Array;
  startedSums: BigInt64Array;
  startedFirst: Float64Array;
}

/**
 * The spans waitingAt counts: every ended span, and every open span of a status that is not final
 * (whether it started before the end of the period is decided per call). The order key ranks
 * statuses with equal totals by when they first came up (by incident, then entry).
 */
async function waitingSpans(deps: InsightDeps, scope: InsightScope): Promise<StatusSpans[]> {
  const rows = await inFactsScope(
    deps.db.selectFrom('insight_facts as f').innerJoin('insight_spans as s', 's.incident_id', 'f.incident_id'),
    scope,
  )
    .select(['s.status as status', 's.duration_ms as duration', 's.started_ms as started', 's.incident_id as incident', 's.id as id'])
    .where((eb) => eb.or([eb('s.duration_ms', 'is not', null), eb('s.status', 'not in', [...FINAL])]))
    .execute();
  const by = new Map<
    string,
    { ended: number[]; endedSum: bigint; partial: number; endedFirst: number; open: { started: number; first: number }[] }
  >();
  /** Integer milliseconds add exactly in a double below 2^53: the partial sum moves to the bigint before that. */
  const SAFE = 2 ** 52;
  for (const r of rows) {
    let b = by.get(r.status);
    if (!b) {
      b = { ended: [], endedSum: 0n, partial: 0, endedFirst: Number.POSITIVE_INFINITY, open: [] };
      by.set(r.status, b);
    }
    // incident * 2^32 + id, as the SQL did (exact below 2^53).
    const first = Number(r.incident) * 4294967296 + Number(r.id);
    if (r.duration !== null) {
      const ms = Number(r.duration);
      b.ended.push(ms);
      b.partial += ms;
      if (b.partial > SAFE) {
        b.endedSum += BigInt(b.partial);
        b.partial = 0;
      }
      if (first < b.endedFirst) b.endedFirst = first;
    } else b.open.push({ started: Number(r.started), first });
  }
  const out: StatusSpans[] = [];
  for (const [status, b] of by) {
    b.open.sort((x, y) => x.started - y.started);
    const startedSums = new BigInt64Array(b.open.length + 1);
    const startedFirst = new Float64Array(b.open.length + 1);
    startedFirst[0] = Number.POSITIVE_INFINITY;
    for (let i = 0; i < b.open.length; i++) {
      startedSums[i + 1] = startedSums[i]! + BigInt(b.open[i]!.started);
      startedFirst[i + 1] = Math.min(startedFirst[i]!, b.open[i]!.first);
    }
    out.push({
      status,
      ended: Float64Array.from(b.ended).sort(),
      endedSum: b.endedSum + BigInt(b.partial),
      endedFirst: b.endedFirst,
      started: Float64Array.from(b.open.map((o) => o.started)),
      startedSums,
      startedFirst,
    });
  }
  return out;
}

/** How many of the ascending `sorted` are below `x`. */
function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Time per status up to `end`: every ended span, plus each open span that started before `end`
 * (up to `end`). Totals are exact integer milliseconds; the median is d3's (the two ranks around
 * it, interpolated) over the ended durations and the open ones merged in order.
 */
function waitingAt(spans: StatusSpans[], end: number): Volume['waiting'] {
  const out: { status: string; totalHours: number; medianHours: number; first: number }[] = [];
  for (const s of spans) {
    const k = countBelow(s.started, end);
    const n = s.ended.length + k;
    if (n === 0) continue;
    const totalMs = s.endedSum + BigInt(k) * BigInt(end) - s.startedSums[k]!;
    // The open spans' durations ascending are end - started for the latest starts first.
    const openAt = (j: number) => end - s.started[k - 1 - j]!;
    const i0 = n < 2 ? 0 : Math.floor((n - 1) * 0.5);
    let e = 0;
    let o = 0;
    let v0 = 0;
    let v1 = 0;
    for (let rank = 0; rank <= Math.min(i0 + 1, n - 1); rank++) {
      const fromEnded = o >= k || (e < s.ended.length && s.ended[e]! <= openAt(o));
      const v = fromEnded ? s.ended[e++]! : openAt(o++);
      if (rank === i0) v0 = v / HOUR;
      else v1 = v / HOUR;
    }
    // d3.quantileSorted(sorted, 0.5): the lowest for fewer than two, else linear between ranks.
    const median = n < 2 ? v0 : v0 + (v1 - v0) * ((n - 1) * 0.5 - i0);
    out.push({
      status: s.status,
      totalHours: round(Number(totalMs) / HOUR),
      medianHours: round(median),
      first: Math.min(s.endedFirst, s.startedFirst[k]!),
    });
  }
  return out.sort((a, b) => b.totalHours - a.totalHours || a.first - b.first).map(({ first: _, ...w }) => w);
}
