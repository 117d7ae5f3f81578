import type { DurationRow, Volume } from '@handoff/shared';
import { utcMonday } from 'd3-time';
import { sql } from 'kysely';
import { hoursBetween, type InsightDeps, type InsightScope, inScope, periodEnd } from '../scope.js';
import { durationStats } from '../volume.js';

/**
 * The test oracle: insights.volume as it was computed before the rollups (migration 0016) — straight over
 * the incidents and their timelines. rollups.test.ts checks the rollups give the same answers.
 */

/** Timeline entries that count as someone answering the reporter. */
const RESPONSES = ['comment', 'question', 'status_changed', 'assigned', 'reproduction'];
/** Statuses an incident rests in for good: time spent there is not waiting. */
const FINAL = new Set(['closed', 'duplicate', 'wont_fix', 'not_reproducible']);

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Volume and time: incidents per week and category; time to first response, to fix and to close
 * per category, component and team (median, p90); and where incidents wait (hours per status).
 */
export async function volumeOracle(deps: InsightDeps, scope: InsightScope): Promise<Volume> {
  const day = sql<string>`substr(incidents.created_at, 1, 10)`;
  const perDay = await inScope(deps.db.selectFrom('incidents'), scope)
    .select([day.as('day'), 'incidents.category as category', sql<number>`count(*)`.as('incidents')])
    .groupBy([day, 'incidents.category'])
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

async function durationRows(deps: InsightDeps, scope: InsightScope): Promise<DurationRow[]> {
  const rows = await inScope(deps.db.selectFrom('incidents'), scope)
    .innerJoin('timeline as t', 't.incident_id', 'incidents.id')
    .select([
      'incidents.category as category',
      'incidents.component as component',
      'incidents.team as team',
      'incidents.created_at as created',
      sql<string | null>`min(case when t.kind in (${sql.join(RESPONSES)}) and t.actor_id <> incidents.reporter_id then t.at end)`.as(
        'responded',
      ),
      sql<string | null>`min(case when t.kind = 'status_changed' and t.status = 'fixed' then t.at end)`.as('fixed'),
      sql<string | null>`min(case when t.kind = 'status_changed' and t.status = 'closed' then t.at end)`.as('closed'),
    ])
    .where('t.kind', 'in', RESPONSES)
    .groupBy(['incidents.id', 'incidents.category', 'incidents.component', 'incidents.team', 'incidents.created_at'])
    .execute();
  const out: DurationRow[] = [];
  for (const by of ['category', 'component', 'team'] as const) {
    const buckets = new Map<string, { responded: number[]; fixed: number[]; closed: number[] }>();
    for (const r of rows) {
      const key = r[by] ?? '(none)';
      const b = buckets.get(key) ?? { responded: [], fixed: [], closed: [] };
      if (r.responded) b.responded.push(hoursBetween(r.created, r.responded));
      if (r.fixed) b.fixed.push(hoursBetween(r.created, r.fixed));
      if (r.closed) b.closed.push(hoursBetween(r.created, r.closed));
      buckets.set(key, b);
    }
    for (const [key, b] of [...buckets].sort((x, y) => x[0].localeCompare(y[0]))) {
      out.push({ by, key, firstResponse: durationStats(b.responded), fix: durationStats(b.fixed), close: durationStats(b.closed) });
    }
  }
  return out;
}

async function waitingTimes(deps: InsightDeps, scope: InsightScope): Promise<Volume['waiting']> {
  const end = periodEnd(scope).toISOString();
  const rows = await inScope(deps.db.selectFrom('incidents'), scope)
    .innerJoin('timeline as t', 't.incident_id', 'incidents.id')
    .select(['t.incident_id as incident', 't.at as at', 't.status as status'])
    .where('t.kind', 'in', ['created', 'status_changed'])
    .orderBy('t.incident_id')
    .orderBy('t.id')
    .execute();
  const per = new Map<string, number[]>();
  const add = (status: string, hours: number) => {
    const list = per.get(status) ?? [];
    list.push(hours);
    per.set(status, list);
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const next = rows[i + 1];
    if (next && next.incident === r.incident) add(r.status, hoursBetween(r.at, next.at));
    else if (!FINAL.has(r.status) && r.at < end) add(r.status, hoursBetween(r.at, end));
  }
  return [...per]
    .map(([status, hours]) => ({
      status,
      totalHours: round(hours.reduce((a, b) => a + b, 0)),
      medianHours: durationStats(hours).medianHours ?? 0,
    }))
    .sort((a, b) => b.totalHours - a.totalHours);
}
