import { formatRef, type WorkaroundInsight } from '@handoff/shared';
import { sql } from 'kysely';
import { type InsightDeps, type InsightScope, inFactsScope, inScope } from './scope.js';

/** Statuses after which the cause is dealt with: such groups no longer need fixing next. */
const DEALT_WITH = ['fixed', 'verified', 'closed', 'wont_fix', 'not_reproducible'];
const TOP = 25;

/**
 * "Fix this next": open problem groups whose customers live with a workaround, most customers
 * first (the original counts its group's affected customers).
 */
export async function workarounds(deps: InsightDeps, scope: InsightScope): Promise<WorkaroundInsight[]> {
  // Ranked on the per-incident rollup; the top groups' titles and workaround texts come from their incidents.
  const top = await inFactsScope(deps.db.selectFrom('insight_facts as f'), scope)
    .innerJoin('insight_facts as root', 'root.incident_id', 'f.group_id')
    .select(['f.group_id as root', sql<number>`max(root.affected_customers)`.as('customers'), sql<number>`count(*)`.as('incidents')])
    .where('root.status', 'not in', DEALT_WITH)
    .groupBy('f.group_id')
    .having(sql`max(f.has_workaround)`, '=', 1)
    .orderBy(sql`max(root.affected_customers)`, 'desc')
    .orderBy('f.group_id')
    .limit(TOP)
    .execute();
  if (!top.length) return [];
  const roots = top.map((t) => Number(t.root));
  const group = sql<number>`coalesce(incidents.duplicate_of, incidents.id)`;
  const [texts, titles] = await Promise.all([
    inScope(deps.db.selectFrom('incidents'), scope)
      .select([group.as('root'), sql<string | null>`max(incidents.workaround)`.as('workaround')])
      .where((eb) => eb.or([eb('incidents.id', 'in', roots), eb('incidents.duplicate_of', 'in', roots)]))
      .groupBy(group)
      .execute(),
    deps.db.selectFrom('incidents').select(['id', 'title', 'product']).where('id', 'in', roots).execute(),
  ]);
  const text = new Map(texts.map((t) => [Number(t.root), t.workaround]));
  const root = new Map(titles.map((t) => [t.id, t]));
  return top.map((r) => ({
    reference: formatRef(Number(r.root), deps.prefix),
    title: root.get(Number(r.root))?.title ?? '',
    product: root.get(Number(r.root))?.product ?? '',
    workaround: text.get(Number(r.root)) ?? '',
    customers: Number(r.customers),
    incidents: Number(r.incidents),
  }));
}
