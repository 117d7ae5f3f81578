import { type EscalationInsight, formatRef } from '@handoff/shared';
import { sql } from 'kysely';
import { type InsightDeps, type InsightScope, inScope } from '../scope.js';

/**
 * The test oracle: insights.escalations as it was computed before the rollups (migration 0016) — straight over
 * the incidents and their timelines. rollups.test.ts checks the rollups give the same answers.
 */

/** Statuses at which the tier holding the incident solved it. */
const RESOLVED = ['fixed', 'verified', 'closed'];
const TOP = 25;
const share = (n: number, of: number) => (of ? Math.round((n / of) * 10_000) / 10_000 : 0);

/**
 * Escalation rate per category and over all (incidents escalated at least once); the tier that
 * resolved each resolved incident (its team's tier; tier 1 for an unrouted one and for one resolved
 * at L1 with a known solution); and the escalations known solutions avoided, per problem group.
 */
export async function escalationsOracle(deps: InsightDeps, scope: InsightScope): Promise<EscalationInsight> {
  const escalated = sql<number>`sum(case when incidents.escalations > 0 then 1 else 0 end)`;
  const tier = sql<number>`coalesce(t.tier, 1)`;
  const [perCategory, tiers, avoided] = await Promise.all([
    inScope(deps.db.selectFrom('incidents'), scope)
      .select(['incidents.category as category', sql<number>`count(*)`.as('n'), escalated.as('escalated')])
      .groupBy('incidents.category')
      .orderBy('incidents.category')
      .execute(),
    inScope(deps.db.selectFrom('incidents'), scope)
      .leftJoin('teams as t', 't.id', 'incidents.team')
      .select([tier.as('tier'), sql<number>`count(*)`.as('n')])
      .where('incidents.status', 'in', RESOLVED)
      .groupBy(tier)
      .execute(),
    inScope(deps.db.selectFrom('incidents'), scope)
      .innerJoin('known_solution_uses as u', 'u.incident_id', 'incidents.id')
      .innerJoin('incidents as root', 'root.id', 'u.group_id')
      .select(['u.group_id as group', 'root.title as title', sql<number>`count(*)`.as('n')])
      .groupBy(['u.group_id', 'root.title'])
      .orderBy(sql`count(*)`, 'desc')
      .orderBy('u.group_id')
      .execute(),
  ]);
  const rates = perCategory.map((r) => ({
    key: r.category,
    incidents: Number(r.n),
    escalated: Number(r.escalated),
    rate: share(Number(r.escalated), Number(r.n)),
  }));
  const all = rates.reduce((a, r) => ({ incidents: a.incidents + r.incidents, escalated: a.escalated + r.escalated }), {
    incidents: 0,
    escalated: 0,
  });
  const avoidedTotal = avoided.reduce((a, g) => a + Number(g.n), 0);
  const byTier = new Map<number, number>(tiers.map((r) => [Number(r.tier), Number(r.n)]));
  byTier.set(1, (byTier.get(1) ?? 0) + avoidedTotal);
  const resolved = [...byTier.values()].reduce((a, b) => a + b, 0);
  return {
    rates: [{ key: null, ...all, rate: share(all.escalated, all.incidents) }, ...rates],
    resolvingTiers: [...byTier]
      .filter(([, n]) => n > 0)
      .sort((a, b) => a[0] - b[0])
      .map(([t, n]) => ({ tier: t, resolved: n, share: share(n, resolved) })),
    avoided: {
      total: avoidedTotal,
      groups: avoided
        .slice(0, TOP)
        .map((g) => ({ reference: formatRef(Number(g.group), deps.prefix), title: g.title, resolvedAtL1: Number(g.n) })),
    },
  };
}
