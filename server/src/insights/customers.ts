import type { CustomerInsight } from '@handoff/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Engine } from '../store/schema.js';
import { type InsightDeps, type InsightScope, inScope } from './scope.js';

const TOP = 25;

/** The customer's organisation (its name when no organisation was given), read from the stored JSON. */
export function orgOf(engine: Engine): RawBuilder<string> {
  return engine === 'sqlite'
    ? sql<string>`coalesce(json_extract(incidents.customer, '$.org'), json_extract(incidents.customer, '$.name'))`
    : sql<string>`coalesce(incidents.customer::jsonb ->> 'org', incidents.customer::jsonb ->> 'name')`;
}

/**
 * The organisations with the most incidents in the scope, with their categories and their repeat
 * rate: the share of their incidents that were a problem already known (linked as a duplicate).
 */
export async function customers(deps: InsightDeps, scope: InsightScope): Promise<CustomerInsight[]> {
  const org = orgOf(deps.engine);
  const top = await inScope(deps.db.selectFrom('incidents'), scope)
    .select([
      org.as('org'),
      sql<number>`count(*)`.as('incidents'),
      sql<number>`sum(case when incidents.duplicate_of is not null then 1 else 0 end)`.as('repeats'),
    ])
    .groupBy(org)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy(org)
    .limit(TOP)
    .execute();
  if (!top.length) return [];
  const orgs = top.map((t) => t.org);
  const cats = await inScope(deps.db.selectFrom('incidents'), scope)
    .select([org.as('org'), 'incidents.category as category', sql<number>`count(*)`.as('incidents')])
    .where(org, 'in', orgs)
    .groupBy([org, 'incidents.category'])
    .execute();
  return top.map((t) => ({
    org: t.org,
    incidents: Number(t.incidents),
    categories: cats
      .filter((c) => c.org === t.org)
      .map((c) => ({ category: c.category, incidents: Number(c.incidents) }))
      .sort((a, b) => b.incidents - a.incidents || a.category.localeCompare(b.category)),
    repeatRate: Number(t.repeats) / Number(t.incidents),
  }));
}
