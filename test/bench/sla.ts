import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createTestDatabase, openServices } from '@handoff/server';
import { round, summary } from './stats.js';

/**
 * npm run bench (service levels) — 100k open incidents, each with a first-response and a
 * resolution timer stored (200k timers), of which FIRE come due while the scheduler runs.
 * Measures the scheduler's work per tick, breach lateness (committed event − due time) and
 * event-loop stalls, next to the event-loop delay of the same process idle (the baseline,
 * measured in the same run for the same time). Incidents and timers are written in bulk (the
 * create path is measured by the main benchmark); the scheduler is the real one.
 *
 * It runs once per variant (BENCH_SLA_VARIANTS, default `loop,durable,worker`), each on a new
 * store, and prints one table with all of them next to the targets and the load average:
 * - `loop`: SQLite's own WAL checkpoint, inside a commit on the event loop;
 * - `durable`: checkpoints in the server's worker thread, and the scheduler's commits wait for
 *   the disk (synchronous=FULL, as before they were relaxed) — the baseline for `worker`;
 * - `worker`: what the server does (worker checkpoints, relaxed scheduler commits);
 * - `pg` (not by default): the server on PostgreSQL (whose commits are always durable).
 */
const STORED = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const FIRE = Number(process.env.BENCH_SLA_FIRE ?? 2000);
const LABELS = {
  loop: 'SQLite, WAL checkpoint in the commit',
  durable: 'SQLite, checkpoint in a worker, durable ticks',
  worker: 'SQLite, checkpoint in a worker, relaxed ticks (the server)',
  pg: 'PostgreSQL (the server; durable ticks)',
};
type Variant = keyof typeof LABELS;
/** Which variants to measure, in this order. */
const VARIANTS = (process.env.BENCH_SLA_VARIANTS ?? 'loop,durable,worker').split(',') as Variant[];
for (const v of VARIANTS)
  if (!(v in LABELS)) throw new Error(`BENCH_SLA_VARIANTS: unknown variant "${v}"; use ${Object.keys(LABELS).join(', ')}.`);
const WINDOW_MS = 10_000;
const iso = (ms: number) => new Date(ms).toISOString();
type Summary = ReturnType<typeof summary>;

interface Measured {
  seededS: number;
  due: number;
  fired: number;
  tick: Summary;
  bareCommit: Summary;
  lateness: Summary;
  loopIdle: { p99: number; max: number };
  loopFiring: { p99: number; max: number };
  /** 1-minute load average at the end of the firing window. */
  load: number;
  checkpointedFrames: number | null;
  planChange: Summary;
}

/** One full run on a new store: seed, baselines, the firing window, a plan change. */
async function scenario(variant: Variant): Promise<Measured> {
  const postgres = variant === 'pg';
  const db = postgres ? await createTestDatabase('postgres') : null;
  const dir = db?.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'handoff-bench-sla-'));
  const durability = variant === 'durable' ? 'durable' : 'relaxed';
  const services = await openServices({
    dataDir: dir,
    databaseUrl: db?.databaseUrl,
    sla: { scheduler: false, durability },
    walCheckpointer: variant !== 'loop',
  });
  try {
    const { user } = await services.store.addUser({ name: 'Bench Agent', role: 'agent', teams: ['bench'] });
    await services.store.upsertTeam({ id: 'bench', name: 'Bench' });
    await services.sla.config.upsertCalendar({
      id: 'always',
      name: '24/7',
      timeZone: 'UTC',
      alwaysOpen: true,
      hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      closedDates: [],
    });
    console.log(`[${variant}] writing ${STORED} open incidents with ${STORED * 2} timers …`);
    const t0 = Date.now();
    const PARKED = Date.now() + 30 * 86_400_000; // the fire set waits here until seeding is done
    const fireSet: number[] = [];
    const CHUNK = 500;
    for (let from = 0; from < STORED; from += CHUNK) {
      await services.store.write(async (trx) => {
        const now = iso(Date.now());
        const rows = await trx
          .insertInto('incidents')
          .values(
            Array.from({ length: Math.min(CHUNK, STORED - from) }, (_, k) => ({
              idempotency_key: `bench-sla-${from + k}`,
              title: `Bench incident ${from + k}`,
              description: '',
              category: 'general',
              answers: '{}',
              template_version: null,
              product: 'Bench',
              version: '1.0',
              component: null,
              environment: '{}',
              customer: '{"name":"Bench customer"}',
              crm: '{"system":"other"}',
              steps: '[]',
              reproduced_by_agent: 0,
              workaround: null,
              severity: 'high',
              status: 'in_progress',
              team: 'bench',
              owner_id: null,
              reporter_id: user.id,
              affected_customers: 1,
              duplicate_of: null,
              fixed_in_version: null,
              created_at: now,
              updated_at: now,
              search_title: '',
              search_body: '',
            })),
          )
          .returning('id')
          .execute();
        await trx
          .insertInto('sla_timers')
          .values(
            rows.flatMap(({ id }, k) => {
              const i = from + k;
              // Every (STORED/FIRE)-th incident's first response comes due inside the window; the rest in hours.
              const firing = i % Math.floor(STORED / FIRE) === 0;
              if (firing) fireSet.push(id);
              const due = firing ? PARKED : Date.now() + 3_600_000 + (i % 86_400) * 1000;
              const timer = (kind: string, dueAt: number) => ({
                incident_id: id,
                kind,
                policy_id: 'bench',
                target_ms: 3_600_000,
                warn_ms: 2_880_000,
                consumed_ms: 0,
                running_since: now,
                due_at: iso(dueAt),
                warn_at: null,
                warned_at: iso(Date.now()),
                breached_at: null,
                met_at: null,
                next_fire_at: iso(dueAt),
              });
              return [timer('first_response', due), timer('resolution', due + 86_400_000)];
            }),
          )
          .execute();
      });
    }
    // The search indexer catches up on the new rows now, not while the scheduler is measured.
    await services.store.searchIndex?.flush();
    // Baseline: the floor of any tick that writes — a one-row update committed through the same
    // store as the scheduler commits (durable or relaxed), measured in this run on this disk.
    const bareCommit: number[] = [];
    for (let n = 0; n < 300; n++) {
      const t = performance.now();
      await services.store.write(
        (trx) =>
          trx
            .updateTable('sla_timers')
            .set({ policy_id: 'bench' })
            .where('incident_id', '=', fireSet[0]!)
            .where('kind', '=', 'resolution')
            .execute(),
        { durability },
      );
      bareCommit.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 5));
    }
    // The fire set comes due spread over a window that opens once everything has settled (its
    // 2,000 updates take seconds on PostgreSQL on a loaded machine: a longer lead there).
    const start = Date.now() + (postgres ? 15_000 : 2000);
    await services.store.write(async (trx) => {
      for (const [n, id] of fireSet.entries()) {
        const at = iso(start + ((n * 7919) % WINDOW_MS));
        await trx
          .updateTable('sla_timers')
          .set({ due_at: at, next_fire_at: at })
          .where('incident_id', '=', id)
          .where('kind', '=', 'first_response')
          .execute();
      }
    });
    const due = await services.store.db
      .selectFrom('sla_timers')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('next_fire_at', '<=', iso(start + WINDOW_MS))
      .executeTakeFirstOrThrow();
    // Figures taken with the window already open would count the backlog as lateness.
    if (Date.now() > start - 500)
      throw new Error(`[${variant}] setting the due times took past the window's start; the figures would be wrong`);
    const seededS = round((Date.now() - t0) / 1000, 1);
    console.log(`[${variant}] seeded in ${seededS} s; ${due.n} timers come due in a ${WINDOW_MS / 1000} s window`);

    // Baseline: the same process's event-loop delay with nothing running (before the window opens).
    const idle = monitorEventLoopDelay({ resolution: 1 });
    idle.enable();
    await new Promise((r) => setTimeout(r, Math.max(0, start - Date.now() - 100)));
    idle.disable();

    const work: number[] = [];
    const lateness: number[] = [];
    const scheduler = services.sla.scheduler;
    scheduler.onTick = ({ workMs, fired }) => {
      if (fired.length > 0) work.push(workMs);
      const committed = Date.now();
      for (const f of fired) lateness.push(committed - f.dueAt);
    };
    const loop = monitorEventLoopDelay({ resolution: 1 });
    while (Date.now() < start) await new Promise((r) => setTimeout(r, 20));
    loop.enable();
    scheduler.start();
    const until = Date.now() + WINDOW_MS + 5000;
    while (lateness.length < Number(due.n) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    await scheduler.stop();
    loop.disable();

    const load = os.loadavg()[0]!;
    const ms = (ns: number) => round(ns / 1e6);
    const checkpointedFrames = services.store.walCheckpointer?.stats.frames ?? null;

    // A customer's plan change looks up the organisation's open incidents among all open ones
    // (the customer is JSON: a LIKE picks candidates), inside the write that changes the plan;
    // on SQLite that scan runs on the event loop, so its time is also how long live events wait.
    const planChange: number[] = [];
    for (let n = 0; n < 20; n++) {
      const t = performance.now();
      await services.store.write((trx) => services.sla.timers.recomputeForOrg(trx, services.incidents, 'Nobody Ltd', null));
      planChange.push(performance.now() - t);
    }
    return {
      seededS,
      due: Number(due.n),
      fired: lateness.length,
      tick: summary(work),
      bareCommit: summary(bareCommit),
      lateness: summary(lateness),
      loopIdle: { p99: ms(idle.percentile(99)), max: ms(idle.max) },
      loopFiring: { p99: ms(loop.percentile(99)), max: ms(loop.max) },
      load,
      checkpointedFrames,
      planChange: summary(planChange),
    };
  } finally {
    await services.close();
    if (db) await db.drop();
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const results: [Variant, Measured][] = [];
  for (const variant of VARIANTS) results.push([variant, await scenario(variant)]);

  const three = (s: { p50: number; p99: number; max: number }) => `${s.p50} / ${s.p99} / ${s.max}`;
  const mark = (ok: boolean) => (ok ? ' ✓' : ' ✗');
  const rows: [string, string, (m: Measured) => string][] = [
    ['timers fired / due', '', (m) => `${m.fired} / ${m.due}`],
    ['work per tick with fires, ms (p50 / p99 / max)', 'p99 < 5', (m) => `${three(m.tick)} (n=${m.tick.n})${mark(m.tick.p99 < 5)}`],
    ['  baseline: bare one-row commit (durable or relaxed as the ticks), ms', '', (m) => three(m.bareCommit)],
    ['breach lateness, ms (p50 / p99 / max)', 'p99 < 1000', (m) => `${three(m.lateness)}${mark(m.lateness.p99 < 1000)}`],
    [
      'event-loop delay while firing, ms (p99 / max)',
      'max < 20',
      (m) => `${m.loopFiring.p99} / ${m.loopFiring.max}${mark(m.loopFiring.max < 20)}`,
    ],
    ['  baseline: same process idle, ms (p99 / max)', '', (m) => `${m.loopIdle.p99} / ${m.loopIdle.max}`],
    ['load average (1 min) while firing', '', (m) => `${round(m.load, 1)} on ${os.availableParallelism()} cores`],
    ['WAL frames copied by the worker', '', (m) => (m.checkpointedFrames === null ? '–' : String(m.checkpointedFrames))],
    ['customer plan change over all open incidents, ms', '', (m) => three(m.planChange)],
  ];
  const head = ['', 'target', ...results.map(([v]) => LABELS[v])];
  const table = [head, ...rows.map(([label, target, cell]) => [label, target, ...results.map(([, m]) => cell(m))])];
  const widths = head.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  console.log(
    `\nService-level scheduler — ${STORED} open incidents, ${STORED * 2} stored timers, ${FIRE} come due in ${WINDOW_MS / 1000} s`,
  );
  for (const r of table) console.log(`  ${r.map((cell, c) => cell.padEnd(widths[c]!)).join('  │ ')}`);
  for (const [v, m] of results) if (m.fired !== m.due) throw new Error(`${LABELS[v]}: only ${m.fired} of ${m.due} due timers fired`);
}

await main();
