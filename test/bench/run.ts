import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { openServices } from '@handoff/server';
import { customerPageBench } from './customerPage.js';
import { seedDemoForBench } from './seed.js';
import { SEARCH_QUERIES, corpusIncident } from './corpus.js';
import { openSse } from './sse.js';
import { round, summary } from './stats.js';

/**
 * npm run bench — live-event latency against a bare node:http SSE baseline, create throughput
 * against the raw store's commit rate, byRef and search latency, all at STORED incidents.
 * Every baseline is measured in the same run on the same machine.
 */
const STORED = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const SUBSCRIBERS = (process.env.BENCH_SUBSCRIBERS ?? '1,100,1000').split(',').map(Number);
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

async function trpc<T>(url: string, token: string, proc: string, input: unknown, method: 'GET' | 'POST'): Promise<T> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const res =
    method === 'GET'
      ? await fetch(`${url}/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(`${url}/trpc/${proc}`, { method, headers, body: JSON.stringify(input) });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok || !body.result) throw new Error(`${proc} failed: ${res.status} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

/** Latency from sending a create to each subscriber receiving its event, for n subscribers. */
async function liveLatency(url: string, token: string, bareUrl: string, n: number, rounds: number) {
  const measure = async (
    open: (onData: (d: string, at: number) => void) => ReturnType<typeof openSse>,
    fire: (marker: string) => Promise<void>,
  ) => {
    const pending = new Map<string, number>();
    const latencies: number[] = [];
    const streams = Array.from({ length: n }, () =>
      open((data, at) => {
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
    (onData) => openSse(`${url}/trpc/events.onChange?input=${encodeURIComponent('{}')}`, { authorization: `Bearer ${token}` }, onData),
    async (marker) => {
      await trpc(url, token, 'incidents.create', { ...corpusIncident(1), title: `Live ${marker}` }, 'POST');
    },
  );
  const sample = JSON.stringify({ reference: 'INC-1042', kind: 'created', title: 'Live', status: 'new' });
  const bare = await measure(
    (onData) => openSse(`${bareUrl}/events`, {}, onData),
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

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'handoff-bench-'));
  const server = path.join(root, 'server/bin/handoff-server.js');
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    stored: STORED,
    node: process.version,
    cpus: os.cpus().length,
  };
  let api: Awaited<ReturnType<typeof spawnNode>> | undefined;
  let bare: Awaited<ReturnType<typeof spawnNode>> | undefined;
  try {
    console.log(`Seeding ${STORED} incidents into ${dir} …`);
    const t0 = performance.now();
    const services = await openServices({ dataDir: dir, sqliteSynchronous: 'NORMAL' });
    await seedDemoForBench(services, STORED, corpusIncident);
    await services.close();
    results.seedSeconds = round((performance.now() - t0) / 1000, 1);
    console.log('Raw store commit rate …');
    const raw = rawCommitRate(path.join(dir, 'handoff.sqlite'), STORED, 2000);

    api = await spawnNode([server, 'start', '--port', '0', '--data-dir', dir, '--demo']);
    bare = await spawnNode([path.join(here, 'bareSse.js')]);
    const tokens = Object.fromEntries([...api.out().matchAll(/^ {2}(\w+) +(hnd_\S+)$/gm)].map((m) => [m[1], m[2]]));
    const dev = tokens.developer!;
    const agent = tokens.agent!;

    const live = [];
    for (const n of SUBSCRIBERS) {
      console.log(`Live events with ${n} subscribers …`);
      live.push(await liveLatency(api.url, dev, bare.url, n, n >= 1000 ? 20 : 40));
    }
    results.live = live;

    console.log('Create throughput …');
    const create1 = await createThroughput(api.url, agent, 1000, 1);
    const create4 = await createThroughput(api.url, agent, 2000, 4);
    // The floor for any HTTP create on this machine, measured with the same clients.
    const bareInsert = await spawnNode([path.join(here, 'bareInsert.js'), dir]);
    const bare1 = await createThroughput(bareInsert.url, '', 1000, 1, '');
    const bare4 = await createThroughput(bareInsert.url, '', 2000, 4, '');
    bareInsert.child.kill();
    results.create = {
      rawCommitsPerSec: round(raw, 0),
      createPerSecSequential: round(create1, 0),
      createPerSec4Clients: round(create4, 0),
      bareHttpInsertPerSecSequential: round(bare1, 0),
      bareHttpInsertPerSec4Clients: round(bare4, 0),
      ratioToRaw: round(Math.max(create1, create4) / raw),
      ratioToBareHttpInsert: round(Math.max(create1, create4) / Math.max(bare1, bare4)),
    };

    console.log('byRef and search latency …');
    results.byRef = await timed(2000, (i) => trpc(api!.url, dev, 'incidents.byRef', { ref: String(1001 + ((i * 7919) % STORED)) }, 'GET'));
    console.log("Customer's page render and weight …");
    results.customerPage = await customerPageBench(trpc, api.url, tokens.admin!, STORED);
    const queries = SEARCH_QUERIES.flatMap((q) => [q, q.slice(0, Math.max(3, Math.ceil(q.length * 0.6)))]);
    results.search = await timed(600, (i) => trpc(api!.url, agent, 'incidents.search', { text: queries[i % queries.length] }, 'GET'));
  } finally {
    api?.child.kill();
    bare?.child.kill();
    rmSync(dir, { recursive: true, force: true });
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
  console.log(`\nHandoff benchmark — ${r.stored} stored incidents, Node ${r.node}, ${r.cpus} CPUs (seeded in ${r.seedSeconds} s)\n`);
  console.log(
    '(a) create → subscriber latency, ms        p50      p99      max   missing | bare SSE p50    p99 | p99 ratio  (target p99 < 50 ms @1000, ratio ≤ 3)',
  );
  for (const l of r.live) {
    const f = (n: number) => String(n).padStart(8);
    console.log(
      `    ${String(l.subscribers).padStart(5)} subscribers                    ${f(l.handoff.p50)} ${f(l.handoff.p99)} ${f(l.handoff.max)} ${f(l.handoff.missing)} | ${f(l.bare.p50)} ${f(l.bare.p99)} | ${f(l.ratioP99)}`,
    );
  }
  const c = r.create;
  console.log(
    `(b) incidents.create: ${c.createPerSecSequential}/s (1 client), ${c.createPerSec4Clients}/s (4 clients); raw single-row commits ${c.rawCommitsPerSec}/s; ratio ${c.ratioToRaw} (target ≥ 0.5)`,
  );
  console.log(
    `    bare node:http + one insert: ${c.bareHttpInsertPerSecSequential}/s (1 client), ${c.bareHttpInsertPerSec4Clients}/s (4 clients); create / bare ${c.ratioToBareHttpInsert}`,
  );
  console.log(`    incidents.byRef latency ms: p50 ${r.byRef.p50}, p99 ${r.byRef.p99} (n=${r.byRef.n})`);
  const p = r.customerPage;
  console.log(
    `    customer page GET /c/<token> ms: p50 ${p.render.p50}, p99 ${p.render.p99} (n=${p.render.n}); p99 / byRef p99 ${round(p.render.p99 / r.byRef.p99)} (target ≤ 2)`,
  );
  console.log(
    `    customer page weight without images: ${p.weightBytes.total} bytes (HTML ${p.weightBytes.html}, CSS ${p.weightBytes.css}, JS ${p.weightBytes.js}; target < 60 KB)`,
  );
  console.log(`(c) incidents.search latency ms: p50 ${r.search.p50}, p99 ${r.search.p99} (n=${r.search.n}; target p99 < 20)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
