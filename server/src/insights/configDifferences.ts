import type { ConfigDifference } from '@handoff/shared';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database, InsightFactsTable } from '../store/schema.js';
import { type InsightDeps, type InsightScope, inFactsScope } from './scope.js';

/** A value counts as over-represented when its share is at least this much above the baseline's (10 points). */
export const MIN_DIFFERENCE = 0.1;
/** The `version` column counts as one more environment value. */
const VERSION_KEY = 'version';

interface Pair {
  key: string;
  value: string;
  n: number;
}

/**
 * For the problem group `root` belongs to (the original and its duplicates): the environment
 * values (OS, browser, configuration keys, and the version) more common in the group than among
 * all incidents of its product, strongest difference first — "91 % of affected customers run
 * Edge 131, against 12 % of all". The period filter does not apply (the group is the subject);
 * the team scope does.
 */
export async function configDifferences(deps: InsightDeps, scope: InsightScope, root: { id: number; product: string }) {
  const groupScope: InsightScope = { ...scope, filter: { product: root.product } };
  // Counted on the rollups: each incident's facts (product, team, group, version) and environment pairs.
  const base = () => inFactsScope(deps.db.selectFrom('insight_facts as f'), groupScope, { period: false });
  const inGroup = (q: ReturnType<typeof base>) => q.where('f.group_id', '=', root.id);
  const [groupSize, productSize] = await Promise.all([count(inGroup(base())), count(base())]);
  if (groupSize === 0 || productSize === 0) return [];
  const groupPairs = await pairs(inGroup(base()));
  const wanted = new Set(groupPairs.map((p) => `${p.key}\u0000${p.value}`));
  const keys = [...new Set(groupPairs.map((p) => p.key))];
  const values = [...new Set(groupPairs.map((p) => p.value))];
  const productPairs = (await pairs(base(), { keys, values })).filter((p) => wanted.has(`${p.key}\u0000${p.value}`));
  const baseline = new Map(productPairs.map((p) => [`${p.key}\u0000${p.value}`, p.n]));
  const out: ConfigDifference[] = groupPairs.map((p) => ({
    key: p.key,
    value: p.value,
    share: p.n / groupSize,
    baselineShare: (baseline.get(`${p.key}\u0000${p.value}`) ?? 0) / productSize,
  }));
  return out
    .filter((d) => d.share - d.baselineShare >= MIN_DIFFERENCE)
    .sort((a, b) => b.share - b.baselineShare - (a.share - a.baselineShare) || b.share - a.share || a.key.localeCompare(b.key));
}

type FactsQuery = ReturnType<typeof inFactsScope<SelectQueryBuilder<Database & { f: InsightFactsTable }, 'f', object>>>;

async function count(q: FactsQuery): Promise<number> {
  const r = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * How many incidents of `q` have each (key, value) of their environment, plus their version;
 * `only` narrows to the keys and values asked about (the product's baseline of a group's pairs).
 */
async function pairs(q: FactsQuery, only?: { keys: string[]; values: string[] }): Promise<Pair[]> {
  let env = q
    .innerJoin('insight_env as e', 'e.incident_id', 'f.incident_id')
    .select(['e.key as key', 'e.value as value', sql<number>`count(*)`.as('n')])
    .groupBy(['e.key', 'e.value']);
  let versions = q.select([sql.lit(VERSION_KEY).as('key'), 'f.version as value', sql<number>`count(*)`.as('n')]).groupBy('f.version');
  if (only) {
    env = env.where('e.key', 'in', only.keys.length ? only.keys : ['']).where('e.value', 'in', only.values.length ? only.values : ['']);
    versions = versions.where('f.version', 'in', only.values.length ? only.values : ['']);
  }
  const [a, b] = await Promise.all([env.execute(), versions.execute()]);
  return [...a, ...b].map((r) => ({ key: String(r.key), value: String(r.value), n: Number(r.n) }));
}
