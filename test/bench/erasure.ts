import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openServices } from '@handoff/server';
import { corpusIncident } from './corpus.js';
import { seedDemoForBench } from './seed.js';
import { round, summary } from './stats.js';

/**
 * Customer data rights on SQLite at STORED incidents: export and erasure of one customer (found
 * through the e-mail index; erasure includes re-indexing and the write-ahead-log checkpoint)
 * against the baseline of one comment commit on the same store, and what `secure_delete` (on
 * for every connection, so erased text leaves no copy) costs a raw single-row update commit.
 */
const STORED = Number(process.env.BENCH_ERASURE_INCIDENTS ?? 20_000);
const ROUNDS = 200;

async function timed(count: number, fn: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return summary(samples);
}

/** Single-row update commits per second (WAL, synchronous=FULL) with secure_delete on or off. */
function rawUpdateRate(file: string, secureDelete: boolean, count: number): number {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`);
  const update = db.prepare('update raw_tickets set body = ? where id = ?');
  const t0 = performance.now();
  for (let i = 0; i < count; i++) update.run(JSON.stringify(corpusIncident(i + count)), 1 + ((i * 7919) % STORED));
  const rate = count / ((performance.now() - t0) / 1000);
  db.close();
  return rate;
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'handoff-bench-erasure-'));
  try {
    console.log(`Seeding ${STORED} incidents into ${dir} …`);
    const seeding = await openServices({ dataDir: dir, sqliteSynchronous: 'NORMAL' });
    await seedDemoForBench(seeding, STORED, corpusIncident);
    await seeding.close();

    const services = await openServices({ dataDir: dir });
    // Index what seeding left pending and checkpoint, so the first erasure does not pay for it.
    await services.customerData.purgeFreedCopies();
    const agent = (await services.store.listUsers()).find((u) => u.role === 'agent')!;
    const admin = (await services.store.listUsers()).find((u) => u.role === 'admin')!;
    const firstId = 1001 + (await services.store.db.selectFrom('incidents').select('id').execute()).length - STORED;
    // Corpus incident i has the customer c<i>@example.com; pick spread-out customers.
    const customer = (i: number) => `c${(i * 7919) % STORED}@example.com`;
    console.log('Baseline (one comment commit), export, erasure …');
    const comment = await timed(ROUNDS, (i) =>
      services.incidents.change(firstId + ((i * 104_729) % STORED), agent.id, () => [{ kind: 'comment', text: `Bench note ${i}` }]),
    );
    const exported = await timed(ROUNDS, (i) => services.customerData.export(customer(i)));
    const erased = await timed(ROUNDS, (i) =>
      services.customerData.eraseCustomer(customer(i), { kind: 'request', actor: admin, reason: 'bench' }),
    );
    const missed = (await Promise.all([0, 1, 2].map((i) => services.customerData.export(customer(i))))).filter((e) => e.incidentIds.length);
    if (missed.length > 0) throw new Error('an erased customer is still found');
    await services.close();

    console.log('Raw update commits with secure_delete off and on …');
    const raw = new BetterSqlite3(path.join(dir, 'raw.sqlite'));
    raw.pragma('journal_mode = WAL');
    raw.exec('create table raw_tickets (id integer primary key, body text not null)');
    const insert = raw.prepare('insert into raw_tickets (body) values (?)');
    raw.transaction(() => {
      for (let i = 0; i < STORED; i++) insert.run(JSON.stringify(corpusIncident(i)));
    })();
    raw.close();
    // Alternated, best of three each: the machine is shared and its disk noisy.
    const off: number[] = [];
    const on: number[] = [];
    for (let r = 0; r < 3; r++) {
      off.push(rawUpdateRate(path.join(dir, 'raw.sqlite'), false, 1000));
      on.push(rawUpdateRate(path.join(dir, 'raw.sqlite'), true, 1000));
    }
    const [bestOff, bestOn] = [Math.max(...off), Math.max(...on)];

    console.log(`\nCustomer data rights on SQLite — ${STORED} stored incidents, Node ${process.version}, ${os.cpus().length} CPUs\n`);
    console.log('                                        p50 ms   p99 ms   max ms   (n)');
    const row = (label: string, s: ReturnType<typeof summary>) =>
      console.log(
        `${label.padEnd(40)}${String(s.p50).padStart(6)}   ${String(s.p99).padStart(6)}   ${String(s.max).padStart(6)}   (${s.n})`,
      );
    row('baseline: one comment commit', comment);
    row('customers.export (1 incident)', exported);
    row('customers.erase (1 incident, + reindex)', erased);
    console.log(`erase / baseline p50: ${round(erased.p50 / Math.max(comment.p50, 0.01))}`);
    console.log(
      `raw update commits (best of 3): secure_delete off ${round(bestOff, 0)}/s, on ${round(bestOn, 0)}/s (on / off ${round(bestOn / bestOff)})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
