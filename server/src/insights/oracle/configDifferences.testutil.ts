import type { ConfigDifference } from '@handoff/shared';
import { sql } from 'kysely';
import { type InsightDeps, type InsightScope, inScope } from '../scope.js';
import { MIN_DIFFERENCE } from '../configDifferences.js';

/** The `version` column counts as one more environment value. */
const VERSION_KEY = 'version';

/**
 * The test oracle: insights.configDifferences as it was computed before the rollups (migration 0016) — straight over
 * the incidents' environment JSON. rollups.test.ts checks the rollups give the same answers.
 */

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
export async function configDifferencesOracle(deps: InsightDeps, scope: InsightScope, root: { id: number; product: string }) {
  const groupScope: InsightScope = { ...scope, filter: { product: root.product } };
  const inGroup = (q: ReturnType<typeof base>) =>
    q.where((eb) => eb.or([eb('incidents.id', '=', root.id), eb('incidents.duplicate_of', '=', root.id)]));
  const base = () => inScope(deps.db.selectFrom('incidents'), groupScope, { period: false });
  const [groupSize, productSize] = await Promise.all([count(inGroup(base())), count(base())]);
  if (groupSize === 0 || productSize === 0) return [];
  const groupPairs = await pairs(deps, inGroup(base()));
  const wanted = new Set(groupPairs.map((p) => `${p.key}\u0000${p.value}`));
  const productPairs = (await pairs(deps, base())).filter((p) => wanted.has(`${p.key}\u0000${p.value}`));
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

async function count(q: ReturnType<typeof inScope<object>>): Promise<number> {
  const r = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** How many incidents of `q` have each (key, value) of their environment, plus their version. */
async function pairs(deps: InsightDeps, q: ReturnType<typeof inScope<object>>): Promise<Pair[]> {
  const ids = q.select('incidents.id');
  const env =
    deps.engine === 'sqlite'
      ? sql<Pair>`select j.key as key, j.value as value, count(*) as n from incidents i, json_each(i.environment) j
          where i.id in (${ids}) group by j.key, j.value`
      : sql<Pair>`select j.key as key, j.value as value, count(*) as n from incidents i, jsonb_each_text(i.environment::jsonb) j
          where i.id in (${ids}) group by j.key, j.value`;
  const versions = sql<Pair>`select ${sql.lit(VERSION_KEY)} as key, i.version as value, count(*) as n from incidents i
    where i.id in (${ids}) group by i.version`;
  const [a, b] = await Promise.all([env.execute(deps.db), versions.execute(deps.db)]);
  return [...a.rows, ...b.rows].map((r) => ({ key: String(r.key), value: String(r.value), n: Number(r.n) }));
}
