import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import {
  createCaller,
  createContextInner,
  createTestDatabase,
  type Database,
  openServices,
  rebuildInsightRollups,
  seedDemo,
  type Services,
} from '@handoff/server';
import type { Insertable } from 'kysely';
import { round, summary } from './stats.js';

/**
 * npm run bench (insights part): every insights query at STORED incidents on SQLite and
 * PostgreSQL, called in-process as a lead (all teams) — the server runs them in its insight
 * worker — with the event loop's longest stall while they run: a 1 ms interval probe records
 * the longest gap between its ticks (a synchronous query on the main thread shows up there in
 * full). Baseline in the same run: `select count(*) from incidents` on the main thread's connection.
 * The history is written in bulk (the create path is measured elsewhere): incidents over a year,
 * ~20 % linked as duplicates of a few hundred problems, three status changes per fixed incident.
 */
const STORED = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_INSIGHT_ROUNDS ?? 30);
const DAY = 86_400_000;

const PRODUCTS = ['Acme Cloud', 'Acme Desktop', 'Acme Mobile', 'Acme API'];
const VERSIONS = ['4.0', '4.1', '4.2', '4.3', '5.0'];
const CATEGORIES = ['login', 'billing', 'performance', 'installation', 'data', 'integration', 'crash'];
const TEAMS = ['accounts', 'billing', 'platform', 'mobile'];
const BROWSERS = ['Chrome 120', 'Edge 131', 'Firefox 128', 'Safari 18'];
const OSES = ['Windows 11', 'macOS 15', 'Ubuntu 24.04'];
const ORGS = Array.from({ length: 300 }, (_, i) => `Org ${i}`);

const incidentRow = (r: Insertable<Database['incidents']>) => r;
const timelineRow = (r: Insertable<Database['timeline']>) => r;

export async function seedBulk(services: Services, count: number): Promise<number> {
  const db = services.store.db;
  const start =
    Number(
      (
        await db
          .selectFrom('incidents')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirst()
      )?.m ?? 1000,
    ) + 1;
  const now = Date.now();
  const roots = Math.max(10, Math.floor(count / 250));
  const BATCH = 500;
  for (let b = 0; b < count; b += BATCH) {
    const incidents: ReturnType<typeof incidentRow>[] = [];
    const timeline: ReturnType<typeof timelineRow>[] = [];
    for (let i = b; i < Math.min(count, b + BATCH); i++) {
      const id = start + i;
      const created = now - ((i * 7919) % 365) * DAY - (i % 24) * 3_600_000;
      const at = (h: number) => new Date(created + h * 3_600_000).toISOString();
      const dup = i >= roots && i % 5 === 0 ? start + (i % roots) : null;
      const fixed = i % 3 === 0 && dup === null;
      const status = dup ? 'duplicate' : fixed ? 'fixed' : i % 3 === 1 ? 'in_progress' : 'new';
      const title = `Problem ${i % 977} in ${CATEGORIES[i % CATEGORIES.length]}`;
      incidents.push(
        incidentRow({
          id,
          idempotency_key: randomUUID(),
          title,
          description: 'Bulk-seeded for the insights benchmark.',
          category: CATEGORIES[i % CATEGORIES.length]!,
          answers: '{}',
          template_version: null,
          product: PRODUCTS[i % PRODUCTS.length]!,
          version: VERSIONS[Math.floor((i / count) * VERSIONS.length)]!,
          component: null,
          environment: JSON.stringify({ browser: BROWSERS[i % BROWSERS.length], os: OSES[i % OSES.length] }),
          customer: JSON.stringify({ name: `Customer ${i}`, org: ORGS[(i * 31) % ORGS.length] }),
          crm: JSON.stringify({ system: 'zendesk' }),
          steps: '[]',
          reproduced_by_agent: 0,
          workaround: i % 11 === 0 ? 'Restart the app' : null,
          severity: 'medium',
          status,
          team: TEAMS[i % TEAMS.length]!,
          owner_id: null,
          reporter_id: 1,
          affected_customers: 1,
          duplicate_of: dup,
          fixed_in_version: fixed ? '5.1' : null,
          created_at: at(0),
          updated_at: at(0),
          search_title: title.toLowerCase(),
          search_body: 'bulk seeded for the insights benchmark',
        }),
      );
      const entry = (h: number, kind: string, st: string) =>
        timelineRow({
          incident_id: id,
          at: at(h),
          actor_id: h === 0 ? 1 : 2,
          kind,
          text: kind,
          data: '{}',
          status: st,
          team: TEAMS[i % TEAMS.length]!,
          owner_id: null,
          reporter_id: 1,
          title,
        });
      timeline.push(entry(0, 'created', 'new'));
      if (status !== 'new') timeline.push(entry(2 + (i % 7), 'status_changed', dup ? 'duplicate' : 'in_progress'));
      if (fixed) timeline.push(entry(24 + (i % 100), 'status_changed', 'fixed'));
    }
    await services.store.write(async (trx) => {
      await trx.insertInto('incidents').values(incidents).execute();
      await trx.insertInto('timeline').values(timeline).execute();
    });
  }
  await services.store.searchIndex?.flush();
  return count;
}

export async function benchInsights(engine: 'sqlite' | 'postgres') {
  const test = await createTestDatabase(engine);
  const services = await openServices({ dataDir: test.dataDir, databaseUrl: test.databaseUrl, sqliteSynchronous: 'NORMAL' });
  try {
    const t0 = performance.now();
    await seedDemo(services);
    await seedBulk(services, STORED);
    const seedSeconds = round((performance.now() - t0) / 1000, 1);
    // The bulk history bypassed the store: build the insights' rollups as migration 0016's backfill does.
    const t1 = performance.now();
    await services.store.write((trx) => rebuildInsightRollups(trx));
    const backfillSeconds = round((performance.now() - t1) / 1000, 1);
    console.log(`  ${engine}: seeded ${STORED} in ${seedSeconds} s, rollups backfilled in ${backfillSeconds} s`);
    const lead = (await services.store.listUsers()).find((u) => u.role === 'lead')!;
    const as = createCaller(createContextInner(services, lead));
    const aRef = `INC-${1001 + 7 * 5}`;
    const calls: Record<string, () => Promise<unknown>> = {
      repeatedProblems: () => as.insights.repeatedProblems({}),
      customers: () => as.insights.customers({}),
      volume: () => as.insights.volume({}),
      volumeOneProduct: () => as.insights.volume({ product: 'Acme Cloud', from: '2026-01-01' }),
      configDifferences: () => as.insights.configDifferences({ ref: aRef }),
      upgradeWarnings: () => as.insights.upgradeWarnings({}),
      workarounds: () => as.insights.workarounds({}),
      escalations: () => as.insights.escalations({}),
      evaluations: () => as.insights.evaluations({}),
    };
    // A change before a call makes it cold: the insight worker memoises what does not depend on
    // "now" only until the next commit, so a call right after a change computes everything.
    let changes = 0;
    const change = () => as.incidents.comment({ ref: aRef, text: `Bench change ${++changes}` });
    const measure = async (fn: () => Promise<unknown>, cold: boolean) => {
      await fn(); // warm-up
      // A tight interval probe: the longest gap between two ticks beyond its 1 ms period is the
      // longest time the loop could not run anything else (a live event, another request).
      // Only while the insight runs: the change made before a cold call is a write, not the query.
      let last = performance.now();
      let maxStall = 0;
      let running = false;
      let ended = 0;
      const probe = setInterval(() => {
        const now = performance.now();
        // A gap that began before the call ended overlapped it (handing the result over counts too).
        if (running || last < ended) maxStall = Math.max(maxStall, now - last - 1);
        last = now;
      }, 1);
      const samples: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        if (cold) await change();
        const s = performance.now();
        last = s;
        running = true;
        await fn();
        ended = performance.now();
        running = false;
        samples.push(performance.now() - s);
        // Let the probe tick between calls, as requests arriving over the network would.
        await new Promise((r) => setTimeout(r, 2));
      }
      clearInterval(probe);
      return { ...summary(samples), maxStallMs: round(Math.max(0, maxStall)) };
    };
    const baseline = await measure(
      () =>
        services.store.db
          .selectFrom('incidents')
          .select((eb) => eb.fn.countAll().as('n'))
          .execute(),
      false,
    );
    const queries: Record<string, { cold: Awaited<ReturnType<typeof measure>>; warm: Awaited<ReturnType<typeof measure>> }> = {};
    for (const [name, fn] of Object.entries(calls)) {
      const cold = await measure(fn, true);
      const warm = await measure(fn, false);
      queries[name] = { cold, warm };
      // Printed as it comes: a slow query on a busy machine must not hide the ones measured before it.
      console.log(
        `  ${engine}: insights.${name} cold p50 ${cold.p50} ms, p99 ${cold.p99} ms, stall ${cold.maxStallMs} ms; ` +
          `warm p50 ${warm.p50} ms, p99 ${warm.p99} ms, stall ${warm.maxStallMs} ms`,
      );
    }
    return { engine, stored: STORED, seedSeconds, backfillSeconds, baseline, queries, load: loadavg().map((l) => round(l, 2)) };
  } finally {
    await services.close();
    await test.drop();
  }
}

export function printInsights(results: Awaited<ReturnType<typeof benchInsights>>[]) {
  console.log(
    `\n(d) insights, ms (in-process, as a lead; target p99 < 300, event-loop stall < 20). Cold: the first call after a change ` +
      `(a comment committed just before it); warm: repeated calls with no change in between.`,
  );
  for (const r of results) {
    const b = r.baseline;
    console.log(
      `    ${r.engine} at ${r.stored} incidents (seeded in ${r.seedSeconds} s, rollups backfilled in ${r.backfillSeconds} s; load average ${r.load.join(' / ')}) — baseline count(*): p50 ${b.p50}, p99 ${b.p99}, stall ${b.maxStallMs}`,
    );
  }
  const cols = ['query', 'engine', 'incidents', 'cold p50', 'cold p99', 'warm p50', 'warm p99', 'target', 'loop max', ''];
  const widths = [18, 9, 10, 9, 9, 9, 9, 7, 9, 8];
  const line = (cells: (string | number)[]) => `    ${cells.map((c, i) => String(c).padStart(widths[i]!)).join(' ')}`;
  console.log(line(cols));
  for (const r of results) {
    for (const [name, { cold, warm }] of Object.entries(r.queries)) {
      const stall = Math.max(cold.maxStallMs, warm.maxStallMs);
      const verdict = `${cold.p99 < 300 ? 'cold ok' : 'COLD'}/${warm.p99 < 300 ? 'ok' : 'OVER'}${stall < 20 ? '' : ' STALL'}`;
      console.log(line([name, r.engine, r.stored, cold.p50, cold.p99, warm.p50, warm.p99, '< 300', stall, verdict]));
    }
  }
}
