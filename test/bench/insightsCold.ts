import { createTestDatabase, openServices, rebuildInsightRollups, seedDemo } from '@handoff/server';
import { seedBulk } from './insights.js';
import { round, summary } from './stats.js';

/**
 * The insights' cold path (no memo: what the first call after a change computes), in-process,
 * against another build's insights on the same database in the same run, alternating call by
 * call so both see the same load: `node test/dist/bench/insightsCold.js <other build's server/dist>`.
 * Env: BENCH_ENGINES, BENCH_INCIDENTS, BENCH_INSIGHT_ROUNDS.
 */
const other = process.argv[2];
if (!other) throw new Error('usage: insightsCold.js <path to the server/dist to compare with>');
const STORED = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_INSIGHT_ROUNDS ?? 5);
const NAMES = ['repeatedProblems', 'customers', 'volume', 'workarounds', 'escalations'] as const;
type Insight = (deps: unknown, scope: unknown) => Promise<unknown>;
const load = async (dist: string) =>
  Object.fromEntries(
    await Promise.all(NAMES.map(async (n) => [n, (await import(`${dist}/insights/${n}.js`))[n] as Insight] as const)),
  ) as Record<(typeof NAMES)[number], Insight>;
const here = await load(new URL('../../../server/dist', import.meta.url).pathname);
const there = await load(other);
for (const engine of (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[]) {
  const test = await createTestDatabase(engine);
  const services = await openServices({ dataDir: test.dataDir, databaseUrl: test.databaseUrl, sqliteSynchronous: 'NORMAL' });
  try {
    const t0 = performance.now();
    await seedDemo(services);
    await seedBulk(services, STORED);
    await services.store.write((trx) => rebuildInsightRollups(trx));
    console.log(`${engine}: ${STORED} incidents seeded in ${round((performance.now() - t0) / 1000, 1)} s`);
    const deps = { db: services.store.db, engine, prefix: services.incidents.prefix };
    for (const name of NAMES) {
      const times: Record<'this' | 'other', number[]> = { this: [], other: [] };
      for (let i = 0; i < ROUNDS; i++) {
        // Which build goes first swaps every round: the second call of a pair finds the pages the first read.
        const pair = [
          ['this', here],
          ['other', there],
        ] as const;
        for (const [which, impl] of i % 2 ? [...pair].reverse() : pair) {
          const scope = { filter: {}, teams: null, now: new Date() };
          const s = performance.now();
          await impl[name](deps, scope);
          times[which].push(performance.now() - s);
        }
      }
      const a = summary(times.this);
      const b = summary(times.other);
      console.log(`${engine} ${name.padEnd(17)} this p50 ${a.p50} p99 ${a.p99} | other p50 ${b.p50} p99 ${b.p99}`);
    }
  } finally {
    await services.close();
    await test.drop();
  }
}
