import type { TeamEvaluation } from '@handoff/shared';
import { sql } from 'kysely';
import { type InsightDeps, type InsightScope, inScope } from './scope.js';

/**
 * Customers' evaluations per team (the team holding the incident): how many, the average rating
 * and how many gave each of 1–5. Evaluations come from the customers' pages (one per link).
 */
export async function evaluations(deps: InsightDeps, scope: InsightScope): Promise<TeamEvaluation[]> {
  const team = sql<string>`coalesce(incidents.team, '(none)')`;
  const rows = await inScope(deps.db.selectFrom('incidents'), scope)
    .innerJoin('shares as s', 's.incident_id', 'incidents.id')
    .select([team.as('team'), 's.evaluation_rating as rating', sql<number>`count(*)`.as('n')])
    .where('s.evaluated_at', 'is not', null)
    .where('s.evaluation_rating', 'is not', null)
    .groupBy([team, 's.evaluation_rating'])
    .execute();
  const per = new Map<string, number[]>();
  for (const r of rows) {
    const ratings = per.get(r.team) ?? [0, 0, 0, 0, 0];
    const rating = Number(r.rating);
    if (rating >= 1 && rating <= 5) ratings[rating - 1]! += Number(r.n);
    per.set(r.team, ratings);
  }
  return [...per]
    .map(([t, ratings]) => {
      const n = ratings.reduce((a, b) => a + b, 0);
      const sum = ratings.reduce((a, c, i) => a + c * (i + 1), 0);
      return { team: t, evaluations: n, averageRating: Math.round((sum / n) * 100) / 100, ratings };
    })
    .sort((a, b) => a.averageRating - b.averageRating || a.team.localeCompare(b.team));
}
