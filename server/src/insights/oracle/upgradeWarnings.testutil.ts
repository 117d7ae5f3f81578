import { formatRef, type UpgradeWarning } from '@handoff/shared';
import { sql } from 'kysely';
import { type InsightDeps, type InsightScope, inScope } from '../scope.js';
import { WARNING_DAYS, WARNING_MIN_INCIDENTS, WARNING_RATIO } from '../upgradeWarnings.js';

/**
 * The test oracle: insights.upgradeWarnings as it was computed before the rollups (migration 0016) — straight over
 * the incidents and their timelines. rollups.test.ts checks the rollups give the same answers.
 */

const DAY = 86_400_000;

/**
 * Versions whose incident rate in their first days (from their first incident, up to
 * WARNING_DAYS) is clearly above the previous version's in its first days — one warning per
 * version, with its problem groups, so other customers can be warned before they upgrade.
 * Versions are ordered by when their first incident came in; the period filter does not apply.
 */
export async function upgradeWarningsOracle(deps: InsightDeps, scope: InsightScope): Promise<UpgradeWarning[]> {
  const s: InsightScope = { ...scope, filter: { ...scope.filter, version: undefined } };
  const versions = await inScope(deps.db.selectFrom('incidents'), s, { period: false })
    .select(['incidents.product as product', 'incidents.version as version', sql<string>`min(incidents.created_at)`.as('first')])
    .groupBy(['incidents.product', 'incidents.version'])
    .orderBy('incidents.product')
    .orderBy(sql`min(incidents.created_at)`)
    .execute();
  const now = scope.now.getTime();
  const rateOf = async (product: string, version: string, first: string) => {
    const days = Math.max(1, Math.min(WARNING_DAYS, Math.ceil((now - Date.parse(first)) / DAY)));
    const until = new Date(Date.parse(first) + days * DAY).toISOString();
    const r = await inScope(deps.db.selectFrom('incidents'), s, { period: false })
      .select(sql<number>`count(*)`.as('n'))
      .where('incidents.product', '=', product)
      .where('incidents.version', '=', version)
      .where('incidents.created_at', '<', until)
      .executeTakeFirst();
    return { n: Number(r?.n ?? 0), days, until };
  };
  const out: UpgradeWarning[] = [];
  for (let i = 1; i < versions.length; i++) {
    const v = versions[i]!;
    const prev = versions[i - 1]!;
    if (prev.product !== v.product) continue;
    if (scope.filter.version && v.version !== scope.filter.version) continue;
    const [cur, before] = await Promise.all([rateOf(v.product, v.version, v.first), rateOf(prev.product, prev.version, prev.first)]);
    const rate = cur.n / cur.days;
    const previousRate = before.n / before.days;
    if (cur.n < WARNING_MIN_INCIDENTS || rate < WARNING_RATIO * previousRate) continue;
    const group = sql<number>`coalesce(incidents.duplicate_of, incidents.id)`;
    const groups = await inScope(deps.db.selectFrom('incidents'), s, { period: false })
      .innerJoin('incidents as root', (j) => j.on(sql`root.id`, '=', group))
      .select([group.as('root'), 'root.title as title', sql<number>`count(*)`.as('n')])
      .where('incidents.product', '=', v.product)
      .where('incidents.version', '=', v.version)
      .groupBy([group, 'root.title'])
      .orderBy(sql`count(*)`, 'desc')
      .orderBy(group)
      .limit(5)
      .execute();
    out.push({
      product: v.product,
      version: v.version,
      previousVersion: prev.version,
      rate: Math.round(rate * 100) / 100,
      previousRate: Math.round(previousRate * 100) / 100,
      days: cur.days,
      groups: groups.map((g) => ({ reference: formatRef(Number(g.root), deps.prefix), title: g.title, incidents: Number(g.n) })),
    });
  }
  return out;
}
