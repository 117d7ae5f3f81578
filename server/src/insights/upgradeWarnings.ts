import { formatRef, type UpgradeWarning } from '@handoff/shared';
import { sql } from 'kysely';
import { type InsightDeps, type InsightScope, inFactsScope } from './scope.js';

/** A version's "first days": how long after its first incident its rate is measured. */
export const WARNING_DAYS = 7;
/** "Clearly above": at least this many times the previous version's rate … */
export const WARNING_RATIO = 2;
/** … and at least this many incidents (a handful of reports is not a spike). */
export const WARNING_MIN_INCIDENTS = 5;
const DAY = 86_400_000;

/**
 * Versions whose incident rate in their first days (from their first incident, up to
 * WARNING_DAYS) is clearly above the previous version's in its first days — one warning per
 * version, with its problem groups, so other customers can be warned before they upgrade.
 * Versions are ordered by when their first incident came in; the period filter does not apply.
 */
export async function upgradeWarnings(deps: InsightDeps, scope: InsightScope): Promise<UpgradeWarning[]> {
  const s: InsightScope = { ...scope, filter: { ...scope.filter, version: undefined } };
  // Counted on the per-incident rollup (product, version, creation time of each incident).
  const versions = await inFactsScope(deps.db.selectFrom('insight_facts as f'), s, { period: false })
    .select(['f.product as product', 'f.version as version', sql<string>`min(f.created_at)`.as('first')])
    .groupBy(['f.product', 'f.version'])
    .orderBy('f.product')
    .orderBy(sql`min(f.created_at)`)
    .execute();
  const now = scope.now.getTime();
  const rateOf = async (product: string, version: string, first: string) => {
    const days = Math.max(1, Math.min(WARNING_DAYS, Math.ceil((now - Date.parse(first)) / DAY)));
    const until = new Date(Date.parse(first) + days * DAY).toISOString();
    const r = await inFactsScope(deps.db.selectFrom('insight_facts as f'), s, { period: false })
      .select(sql<number>`count(*)`.as('n'))
      .where('f.product', '=', product)
      .where('f.version', '=', version)
      .where('f.created_at', '<', until)
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
    const groups = await inFactsScope(deps.db.selectFrom('insight_facts as f'), s, { period: false })
      .innerJoin('incidents as root', 'root.id', 'f.group_id')
      .select(['f.group_id as root', 'root.title as title', sql<number>`count(*)`.as('n')])
      .where('f.product', '=', v.product)
      .where('f.version', '=', v.version)
      .groupBy(['f.group_id', 'root.title'])
      .orderBy(sql`count(*)`, 'desc')
      .orderBy('f.group_id')
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
