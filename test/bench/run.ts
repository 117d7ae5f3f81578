import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { createTestDatabase, openServices, type TestDatabase } from '@handoff/server';
import { customerPageBench } from './customerPage.js';
import { seedDemoForBench } from './seed.js';
import { SEARCH_QUERIES, corpusIncident } from './corpus.js';
import { openSse } from './sse.js';
import { round, summary } from './stats.js';
import { trpc } from './trpc.js';
import { printTable, type Row } from './table.js';

/**
 * npm run bench [-- --engine sqlite|postgres] — per engine (both by default): live-event latency
 * against a bare node:http SSE baseline, create throughput against a bare node:http + one insert
 * on the same engine, byRef latency against a bare node:http GET-by-key over the same store,
 * list and search latency, all at BENCH_INCIDENTS stored incidents. Every baseline is measured
 * in the same run on the same machine; one table prints each figure, its baseline and target.
 */
const ENGINES = ['sqlite', 'postgres'] as const;
type Engine = (typeof ENGINES)[number];
const { values: args } = parseArgs({ options: { engine: { type: 'string', default: 'both' } } });
if (args.engine !== 'both' && !ENGINES.includes(args.engine as Engine)) {
  console.error(`--engine: "${args.engine}" is not an engine; use sqlite, postgres or both (the default).`);
  process.exit(2);
}
const engines: readonly Engine[] = args.engine === 'both' ? ENGINES : [args.engine as Engine];
const STORED = Number(process.env.BENCH_INCIDENTS ?? 100_000);
/** Samples per lookup figure (byRef and its bare baseline; list and search take at most 600). */
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 2000);
/**
 * Which phases run (BENCH_PHASES=create,byref,page,list — comma-separated; all by default), so one
 * figure can be iterated on without waiting for the others. Seeding always runs.
 */
const PHASES = ['live', 'create', 'byref', 'page', 'list'] as const;
type Phase = (typeof PHASES)[number];
const phases = new Set<Phase>(
  (process.env.BENCH_PHASES ?? PHASES.join(',')).split(',').map((p) => {
    if (!PHASES.includes(p.trim() as Phase)) {
      console.error(`BENCH_PHASES: "${p}" is not a phase; use any of ${PHASES.join(', ')}.`);
      process.exit(2);
    }
    return p.trim() as Phase;
  }),
);
const SUBSCRIBERS = (process.env.BENCH_SUBSCRIBERS ?? '1,100,1000').split(',').map(Number);
/** Live streams each subscriber account opens (under the server's cap of 24 per person). */
const SUBSCRIBER_STREAMS_PER_PERSON = 20;
/** Samples per subscriber count: each is one subscriber receiving one event. */
const LIVE_SAMPLES = Number(process.env.BENCH_LIVE_SAMPLES ?? 1000);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

function spawnNode(args: string[]): Promise<{ child: ChildProcess; url: string; out: () => string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m && (!args.includes('--demo') || /^ {2}admin /m.test(out))) {
        clearInterval(timer);
        resolve({ child, url: m[1]!, out: () => out });
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(out));
      }
    }, 20);
  });
}

/** Latency from sending a create to each subscriber receiving its event, for n subscribers. */
async function liveLatency(url: string, token: string, subscribers: string[], bareUrl: string, n: number, rounds: number) {
  const measure = async (
    open: (k: number, onData: (d: string, at: number) => void) => ReturnType<typeof openSse>,
    fire: (marker: string) => Promise<void>,
  ) => {
    const pending = new Map<string, number>();
    const latencies: number[] = [];
    const streams = Array.from({ length: n }, (_, k) =>
      open(k, (data, at) => {
        for (const [marker, t0] of pending) if (data.includes(marker)) latencies.push(at - t0);
      }),
    );
    await Promise.all(streams.map((s) => s.connected));
    for (let i = 0; i < rounds; i++) {
      const marker = `bench-${n}-${i}-${Math.random().toString(36).slice(2)}`;
      pending.set(marker, performance.now());
      await fire(marker);
      const until = performance.now() + 5000;
      while (latencies.length < (i + 1) * n && performance.now() < until) await new Promise((r) => setImmediate(r));
      pending.delete(marker);
      await new Promise((r) => setTimeout(r, 20));
    }
    for (const s of streams) s.close();
    return { ...summary(latencies), missing: rounds * n - latencies.length };
  };
  const handoff = await measure(
    (k, onData) =>
      openSse(
        `${url}/trpc/events.onChange?input=${encodeURIComponent('{}')}`,
        { authorization: `Bearer ${subscribers[Math.floor(k / SUBSCRIBER_STREAMS_PER_PERSON)]}` },
        onData,
      ),
    async (marker) => {
      await trpc(url, token, 'incidents.create', { ...corpusIncident(1), title: `Live ${marker}` }, 'POST');
    },
  );
  const sample = JSON.stringify({ reference: 'INC-1042', kind: 'created', title: 'Live', status: 'new' });
  const bare = await measure(
    (_k, onData) => openSse(`${bareUrl}/events`, {}, onData),
    async (marker) => {
      await fetch(`${bareUrl}/push`, { method: 'POST', body: sample.replace('Live', marker) });
    },
  );
  return { subscribers: n, handoff, bare, ratioP99: round(handoff.p99 / Math.max(bare.p99, 0.01)) };
}

/**
 * The raw store: better-sqlite3 alone, WAL + synchronous=FULL like the server, committing one
 * ticket-sized row per transaction into a table that already holds `stored` such rows, in the
 * same database file as the benchmark's incidents.
 */
function rawCommitRate(file: string, stored: number, count: number): number {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table raw_tickets (id integer primary key, key text not null unique, body text not null)');
  const insert = db.prepare('insert into raw_tickets (key, body) values (?, ?)');
  const fill = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) insert.run(`fill-${i}`, JSON.stringify(corpusIncident(i)));
  });
  fill(stored);
  const t0 = performance.now();
  for (let i = 0; i < count; i++) insert.run(`bench-${i}`, JSON.stringify(corpusIncident(i)));
  const rate = count / ((performance.now() - t0) / 1000);
  db.exec('drop table raw_tickets');
  db.close();
  return rate;
}

async function createThroughput(
  url: string,
  token: string,
  count: number,
  concurrency: number,
  proc = 'incidents.create',
): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await trpc(url, token, proc, corpusIncident(next++), 'POST');
    }),
  );
  return count / ((performance.now() - t0) / 1000);
}

async function timed(count: number, fn: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return summary(samples);
}

/** Creates `count` incidents through the create path with `workers` concurrent callers. */
async function seed(dataDir: string, databaseUrl: string | undefined): Promise<string[]> {
  const services = await openServices({ dataDir, databaseUrl, sqliteSynchronous: 'NORMAL' });
  try {
    await seedDemoForBench(services, STORED, corpusIncident);
    // Live-event subscribers: the server caps live streams per person (24), so the largest
    // subscriber count needs this many people; admins see every incident's events.
    const people = Math.ceil(Math.max(...SUBSCRIBERS) / SUBSCRIBER_STREAMS_PER_PERSON);
    const tokens: string[] = [];
    for (let i = 0; i < people; i++)
      tokens.push((await services.store.addUser({ name: `Bench subscriber ${i}`, role: 'admin', teams: [] })).token);
    return tokens;
  } finally {
    await services.close();
  }
}

async function benchEngine(engine: Engine, db: TestDatabase) {
  const dir = db.dataDir;
  const storeArgs = db.databaseUrl ? ['--database-url', db.databaseUrl] : [];
  const results: Record<string, unknown> = { engine };
  let api: Awaited<ReturnType<typeof spawnNode>> | undefined;
  let bare: Awaited<ReturnType<typeof spawnNode>> | undefined;
  let floor: Awaited<ReturnType<typeof spawnNode>> | undefined;
  try {
    console.log(`[${engine}] Seeding ${STORED} incidents …`);
    const t0 = performance.now();
    const subscribers = await seed(dir, db.databaseUrl);
    results.seedSeconds = round((performance.now() - t0) / 1000, 1);
    if (engine === 'sqlite') {
      console.log(`[${engine}] Raw store commit rate …`);
      results.rawCommitsPerSec = round(rawCommitRate(path.join(dir, 'handoff.sqlite'), STORED, 2000), 0);
    }

    api = await spawnNode([server, 'start', '--port', '0', '--data-dir', dir, ...storeArgs, '--demo']);
    bare = await spawnNode([path.join(here, 'bareSse.js')]);
    floor = await spawnNode([path.join(here, 'bareStore.js'), dir, ...(db.databaseUrl ? [db.databaseUrl] : [])]);
    const tokens = Object.fromEntries([...api.out().matchAll(/^ {2}(\w+) +(hnd_\S+)$/gm)].map((m) => [m[1], m[2]]));
    const dev = tokens.developer!;
    const agent = tokens.agent!;

    const live = [];
    for (const n of phases.has('live') ? SUBSCRIBERS : []) {
      console.log(`[${engine}] Live events with ${n} subscribers …`);
      live.push(await liveLatency(api.url, dev, subscribers, bare.url, n, Math.max(10, Math.ceil(LIVE_SAMPLES / n))));
    }
    results.live = live;

    if (phases.has('create')) await createPhase();
    async function createPhase() {
      console.log(`[${engine}] Create throughput against the bare floor …`);
      // Interleaved in chunks, so the changing load of a shared machine falls on both alike.
      const spent = { create1: 0, create4: 0, bare1: 0, bare4: 0 };
      const CREATES = Number(process.env.BENCH_CREATES ?? 1000);
      const CHUNK = 100;
      for (let done = 0; done < CREATES; done += CHUNK) {
        spent.create1 += await timedRun(() => createThroughput(api!.url, agent, CHUNK, 1));
        spent.bare1 += await timedRun(() => createThroughput(floor!.url, '', CHUNK, 1, ''));
        spent.create4 += await timedRun(() => createThroughput(api!.url, agent, CHUNK * 2, 4));
        spent.bare4 += await timedRun(() => createThroughput(floor!.url, '', CHUNK * 2, 4, ''));
      }
      const rate = (ms: number, n: number) => round(n / (ms / 1000), 0);
      results.create = {
        perSec1Client: rate(spent.create1, CREATES),
        perSec4Clients: rate(spent.create4, CREATES * 2),
        bareHttpInsertPerSec1Client: rate(spent.bare1, CREATES),
        bareHttpInsertPerSec4Clients: rate(spent.bare4, CREATES * 2),
      };
    }

    if (phases.has('byref')) await byRefPhase();
    async function byRefPhase() {
      console.log(`[${engine}] byRef against a bare GET by key …`);
      const id = (i: number) => 1001 + ((i * 7919) % STORED);
      const byRef: number[] = [];
      const bareGet: number[] = [];
      for (let i = 0; i < LOOKUPS; i++) {
        byRef.push(await timedRun(() => trpc(api!.url, dev, 'incidents.byRef', { ref: String(id(i)) }, 'GET')));
        bareGet.push(await timedRun(() => fetchJson(`${floor!.url}/incidents/${id(i)}`)));
      }
      results.byRef = summary(byRef);
      results.bareGetByKey = summary(bareGet);
    }
    if (phases.has('page')) {
      console.log(`[${engine}] Customer's page render and weight …`);
      results.customerPage = await customerPageBench(trpc, api.url, tokens.admin!, STORED);
    }
    if (phases.has('list')) await listPhase();
    async function listPhase() {
      console.log(`[${engine}] list and search …`);
      results.list = await timed(Math.min(600, LOOKUPS), (i) =>
        trpc(api!.url, agent, 'incidents.list', i % 2 ? { team: 'platform' } : {}, 'GET'),
      );
      const queries = SEARCH_QUERIES.flatMap((q) => [q, q.slice(0, Math.max(3, Math.ceil(q.length * 0.6)))]);
      results.search = await timed(Math.min(600, LOOKUPS), (i) =>
        trpc(api!.url, agent, 'incidents.search', { text: queries[i % queries.length] }, 'GET'),
      );
    }
    results.load = os.loadavg().map((l) => round(l, 2));
  } finally {
    api?.child.kill();
    bare?.child.kill();
    floor?.child.kill();
  }
  return results;
}

async function timedRun(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return body;
}

const server = path.join(root, 'server/bin/handoff-server.js');

async function main() {
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    stored: STORED,
    node: process.version,
    cpus: os.cpus().length,
    engines: {},
  };
  for (const engine of engines) {
    const db = await createTestDatabase(engine);
    try {
      (results.engines as Record<string, unknown>)[engine] = await benchEngine(engine, db);
    } finally {
      await db.drop();
    }
  }
  print(results);
  const outDir = path.join(root, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `bench-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\nWritten to ${path.relative(process.cwd(), file)}`);
}

// biome-ignore lint/suspicious/noExplicitAny: the bench result is a loose record printed field by field
function print(r: Record<string, any>) {
  console.log(`\nHandoff benchmark — ${r.stored} stored incidents, Node ${r.node}, ${r.cpus} CPUs\n`);
  const rows: Row[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: one engine's loose record, as above
  for (const [engine, e] of Object.entries<Record<string, any>>(r.engines)) {
    for (const l of e.live ?? []) {
      rows.push({
        engine,
        figure: `live push p99, ${l.subscribers} subscribers (n=${l.handoff.n}, missing ${l.handoff.missing})`,
        value: `${l.handoff.p99} ms`,
        baseline: `bare SSE ${l.bare.p99} ms`,
        ratio: l.ratioP99,
        target: 'ratio ≤ 3',
        met: l.ratioP99 <= 3,
      });
    }
    const c = e.create;
    for (const [clients, value, floor] of (!c
      ? []
      : [
          [1, c.perSec1Client, c.bareHttpInsertPerSec1Client],
          [4, c.perSec4Clients, c.bareHttpInsertPerSec4Clients],
        ]) as [number, number, number][]) {
      const ratio = round(value / floor);
      rows.push({
        engine,
        figure: `incidents.create, ${clients} client${clients > 1 ? 's' : ''}`,
        value: `${value}/s`,
        baseline: `bare HTTP + 1 insert ${floor}/s`,
        ratio,
        target: 'ratio ≥ 0.5',
        met: ratio >= 0.5,
      });
    }
    if (e.byRef) {
      const byRefRatio = round(e.byRef.p99 / Math.max(e.bareGetByKey.p99, 0.01));
      rows.push({
        engine,
        figure: `incidents.byRef p99 (p50 ${e.byRef.p50} ms)`,
        value: `${e.byRef.p99} ms`,
        baseline: `bare GET by key ${e.bareGetByKey.p99} ms`,
        ratio: byRefRatio,
        target: 'ratio ≤ 2',
        met: byRefRatio <= 2,
      });
    }
    const p = e.customerPage;
    if (p && e.byRef) {
      const pageRatio = round(p.render.p99 / Math.max(e.byRef.p99, 0.01));
      rows.push({
        engine,
        figure: "customer's page p99",
        value: `${p.render.p99} ms`,
        baseline: `byRef ${e.byRef.p99} ms`,
        ratio: pageRatio,
        target: 'ratio ≤ 2',
        met: pageRatio <= 2,
      });
      rows.push({
        engine,
        figure: "customer's page weight (no images)",
        value: `${p.weightBytes.total} B`,
        baseline: '',
        ratio: null,
        target: '< 60 KB',
        met: p.weightBytes.total < 60 * 1024,
      });
    }
    for (const [name, s] of [
      ['incidents.list', e.list],
      ['incidents.search', e.search],
    ] as const) {
      if (!s) continue;
      rows.push({
        engine,
        figure: `${name} p99 (p50 ${s.p50} ms)`,
        value: `${s.p99} ms`,
        baseline: '',
        ratio: null,
        target: '< 20 ms',
        met: s.p99 < 20,
      });
    }
    const raw = e.rawCommitsPerSec ? `; raw single-row commits ${e.rawCommitsPerSec}/s` : '';
    console.log(`${engine}: seeded in ${e.seedSeconds} s${raw}; load average at the end ${e.load.join(' / ')}`);
  }
  printTable(rows);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
