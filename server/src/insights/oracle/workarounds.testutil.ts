import { formatRef, type WorkaroundInsight } from '@handoff/shared';
import { sql } from 'kysely';
import { type InsightDeps, type InsightScope, inScope } from '../scope.js';

/**
 * The test oracle: insights.workarounds as it was computed before the rollups (migration 0016) — straight over
 * the incidents and their timelines. rollups.test.ts checks the rollups give the same answers.
 */

/** Statuses after which the cause is dealt with: such groups no longer need fixing next. */
const DEALT_WITH = ['fixed', 'verified', 'closed', 'wont_fix', 'not_reproducible'];
const TOP = 25;

/**
 * "Fix this next": open problem groups whose customers live with a workaround, most customers
 * first (the original counts its group's affected customers).
 */
export async function workaroundsOracle(deps: InsightDeps, scope: InsightScope): Promise<WorkaroundInsight[]> {
  const group = sql<number>`coalesce(incidents.duplicate_of, incidents.id)`;
  const rows = await inScope(deps.db.selectFrom('incidents'), scope)
    .innerJoin('incidents as root', (j) => j.on(sql`root.id`, '=', group))
    .select([
      group.as('root'),
      'root.title as title',
      'root.product as product',
      sql<string | null>`max(incidents.workaround)`.as('workaround'),
      sql<number>`max(root.affected_customers)`.as('customers'),
      sql<number>`count(*)`.as('incidents'),
    ])
    .where('root.status', 'not in', DEALT_WITH)
    .groupBy([group, 'root.title', 'root.product'])
    .having(sql`max(incidents.workaround)`, 'is not', null)
    .orderBy(sql`max(root.affected_customers)`, 'desc')
    .orderBy(group)
    .limit(TOP)
    .execute();
  return rows.map((r) => ({
    reference: formatRef(Number(r.root), deps.prefix),
    title: r.title,
    product: r.product,
    workaround: r.workaround ?? '',
    customers: Number(r.customers),
    incidents: Number(r.incidents),
  }));
}
