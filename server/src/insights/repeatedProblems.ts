import { formatRef, type LinkSuggestion, type RepeatedProblem } from '@handoff/shared';
import { sql } from 'kysely';
import { searchIncidentIds } from '../store/search.js';
import { type InsightDeps, type InsightScope, inFactsScope, inScope, memoOf, periodEnd, scopeKey } from './scope.js';

const TREND_DAYS = 14;
const GROUPS = 50;
/** Groups whose text is searched for unlinked look-alikes (each search is bounded, see search.ts). */
const SUGGEST_FOR = 10;
/** Search hits per group: its own duplicates come first (same words), so look past them. */
const LOOKALIKE_CANDIDATES = 200;

/**
 * Groups of incidents that are one problem — an original and the duplicates linked to it —
 * ranked by customers affected, with their trend (the last 14 days of the period against the 14
 * before); and unlinked incidents whose text is like a group's, offered for linking.
 */
export async function repeatedProblems(
  deps: InsightDeps,
  scope: InsightScope,
): Promise<{ groups: RepeatedProblem[]; suggestions: LinkSuggestion[] }> {
  // The ranking and the look-alikes do not depend on now (memoised until the next commit); the
  // trend does, and is counted afresh for the ranked groups only.
  const ranked = await memoOf(deps)('repeatedProblems', scopeKey(scope), () => rankedGroups(deps, scope));
  const trend = await trendOf(
    deps,
    scope,
    ranked.groups.map((g) => g.root),
  );
  return {
    groups: ranked.groups.map(({ root, withWorkaround, ...g }) => ({
      ...g,
      ...(trend.get(root) ?? { recent: 0, previous: 0 }),
      withWorkaround,
    })),
    suggestions: ranked.suggestions,
  };
}

/** The groups ranked by customers affected, then incidents (without their trend), and the look-alikes. */
async function rankedGroups(deps: InsightDeps, scope: InsightScope) {
  // The original counts its group's customers (linking a duplicate adds its customers there).
  // Read from the per-incident rollup: each incident's group is stored, the original's row has its customers.
  const rows = await inFactsScope(deps.db.selectFrom('insight_facts as f'), scope)
    .innerJoin('insight_facts as root', 'root.incident_id', 'f.group_id')
    .select([
      'f.group_id as root',
      sql<number>`count(*)`.as('incidents'),
      sql<number>`max(root.affected_customers)`.as('customers'),
      sql<number>`sum(f.has_workaround)`.as('workarounds'),
    ])
    .groupBy('f.group_id')
    .having(sql`count(*)`, '>', 1)
    .orderBy(sql`max(root.affected_customers)`, 'desc')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('f.group_id')
    .limit(GROUPS)
    .execute();
  const roots = rows.length
    ? await deps.db
        .selectFrom('incidents')
        .select(['id', 'title', 'product', 'category'])
        .where(
          'id',
          'in',
          rows.map((r) => Number(r.root)),
        )
        .execute()
    : [];
  const byId = new Map(roots.map((r) => [r.id, r]));
  const groups = rows.flatMap((r) => {
    const root = byId.get(Number(r.root));
    if (!root) return [];
    return [
      {
        root: root.id,
        reference: formatRef(root.id, deps.prefix),
        title: root.title,
        product: root.product,
        category: root.category,
        incidents: Number(r.incidents),
        customersAffected: Number(r.customers),
        withWorkaround: Number(r.workarounds),
      },
    ];
  });
  return { groups, suggestions: await suggestions(deps, scope, roots.slice(0, SUGGEST_FOR)) };
}

/** The ranked groups' incidents in the last 14 days of the period and in the 14 before (an index look-up per group). */
async function trendOf(deps: InsightDeps, scope: InsightScope, roots: number[]) {
  const end = periodEnd(scope).getTime();
  const recentFrom = new Date(end - TREND_DAYS * 86_400_000).toISOString();
  const previousFrom = new Date(end - 2 * TREND_DAYS * 86_400_000).toISOString();
  const rows = roots.length
    ? await inFactsScope(deps.db.selectFrom('insight_facts as f'), scope)
        .select([
          'f.group_id as root',
          sql<number>`sum(case when f.created_at >= ${recentFrom} then 1 else 0 end)`.as('recent'),
          sql<number>`sum(case when f.created_at < ${recentFrom} then 1 else 0 end)`.as('previous'),
        ])
        .where('f.group_id', 'in', roots)
        .where('f.created_at', '>=', previousFrom)
        .groupBy('f.group_id')
        .execute()
    : [];
  return new Map(rows.map((r) => [Number(r.root), { recent: Number(r.recent), previous: Number(r.previous) }]));
}

async function suggestions(deps: InsightDeps, scope: InsightScope, roots: { id: number; title: string }[]): Promise<LinkSuggestion[]> {
  const out: LinkSuggestion[] = [];
  const offered = new Set<number>();
  for (const root of roots) {
    const ids = (await searchIncidentIds(deps.db, deps.engine, root.title, LOOKALIKE_CANDIDATES)).filter(
      (id) => id !== root.id && !offered.has(id),
    );
    if (!ids.length) continue;
    const rows = await inScope(deps.db.selectFrom('incidents'), scope)
      .select(['incidents.id', 'incidents.title'])
      .where('incidents.id', 'in', ids)
      .where('incidents.duplicate_of', 'is', null)
      .where('incidents.status', '!=', 'duplicate')
      // Not itself the original of another group.
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('incidents as d').select('d.id').whereRef('d.duplicate_of', '=', 'incidents.id'))),
      )
      .execute();
    for (const r of rows) {
      offered.add(r.id);
      out.push({ group: formatRef(root.id, deps.prefix), reference: formatRef(r.id, deps.prefix), title: r.title });
    }
  }
  return out;
}
