import { loadavg } from 'node:os';
import { createTestDatabase, rebuildInsightRollups, startServer } from '@handoff/server';
import { customerPageBench } from './customerPage.js';
import { seedBulk } from './insights.js';
import { round, summary } from './stats.js';
import { trpc } from './trpc.js';

/**
 * `npm run bench:page`: the customer's page at BENCH_INCIDENTS stored incidents (bulk-seeded, as the
 * insights bench does, so 100k fit in minutes) next to `incidents.byRef` of the same incidents, both
 * timed the same way over HTTP in the same run, on each engine of BENCH_ENGINES.
 */
const STORED = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_LOOKUPS ?? 2000);
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];

for (const engine of engines) {
  const db = await createTestDatabase(engine);
  const server = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl, demo: true });
  try {
    const t0 = performance.now();
    await seedBulk(server.services, STORED);
    await server.services.store.write((trx) => rebuildInsightRollups(trx));
    console.log(`${engine}: seeded ${STORED} incidents in ${round((performance.now() - t0) / 1000, 1)} s`);
    const admin = server.demoTokens!.admin;
    // byRef over the same spread of incidents the page bench shares, timed the same way.
    const byRef: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const ref = `INC-${1001 + (((i % 200) * 7919) % STORED)}`;
      const t = performance.now();
      await trpc(server.url, admin, 'incidents.byRef', { ref }, 'GET');
      byRef.push(performance.now() - t);
    }
    const page = await customerPageBench(trpc, server.url, admin, STORED, 200, REQUESTS);
    const b = summary(byRef);
    console.log(
      `  customer page render p50 ${page.render.p50} ms, p99 ${page.render.p99} ms (n=${page.render.n}); ` +
        `byRef p50 ${b.p50} ms, p99 ${b.p99} ms (n=${b.n}); ratio of p99s ${round(page.render.p99 / b.p99, 2)} (target ≤ 2)`,
    );
    console.log(
      `  page weight without images ${page.weightBytes.total} bytes (html ${page.weightBytes.html}, css ${page.weightBytes.css}, ` +
        `js ${page.weightBytes.js}; target < 60 KB); load average ${loadavg()
          .map((l) => round(l, 1))
          .join(' ')}`,
    );
  } finally {
    await server.close();
    await db.drop();
  }
}
