import { Worker } from 'node:worker_threads';
import { log } from '../log.js';
import type { Store } from '../store/store.js';
import { INSIGHTS, type InsightName, type InsightResult } from './catalog.js';
import type { InsightReply, InsightRequest, InsightWorkerData } from './insightWorker.js';
import type { InsightScope } from './scope.js';
import { workerFile } from '../workerFile.js';

/**
 * Runs insights in a worker thread on its own database connection, so a heavy aggregation over
 * 100k incidents does not stall the event loop (live events, other requests). Without a built
 * worker file, insights run in-process (and say so in the log once).
 */
export class InsightRunner {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private warned = false;

  constructor(
    private readonly store: Store,
    private readonly prefix: string,
  ) {}

  async run<N extends InsightName>(name: N, scope: InsightScope, arg?: Parameters<(typeof INSIGHTS)[N]>[2]): Promise<InsightResult<N>> {
    const worker = this.workerOrNull();
    if (!worker) {
      const deps = { db: this.store.db, engine: this.store.engine, prefix: this.prefix };
      return (INSIGHTS[name] as (...a: unknown[]) => Promise<InsightResult<N>>)(deps, scope, arg);
    }
    const id = this.next++;
    const req: InsightRequest = { id, name, scope: { ...scope, now: scope.now.toISOString() }, arg };
    return new Promise<InsightResult<N>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage(req);
    });
  }

  private workerOrNull(): Worker | null {
    if (this.worker) return this.worker;
    const file = workerFile('./insightWorker.js', import.meta.url);
    const location = this.store.engine === 'sqlite' ? this.store.location : this.store.pgConfig?.connectionString;
    if (!file || !location) {
      if (!this.warned) log.warn('insights run on the main thread: the insight worker is not built (npm run build)');
      this.warned = true;
      return null;
    }
    const data: InsightWorkerData = { engine: this.store.engine, location, prefix: this.prefix };
    const worker = new Worker(file, { workerData: data });
    worker.unref();
    worker.on('message', (reply: InsightReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if ('error' in reply) p.reject(new Error(`insight failed: ${reply.error}`));
      else p.resolve(reply.result);
    });
    const fail = (err: Error) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      if (this.worker === worker) this.worker = null; // the next call starts a new one
    };
    worker.on('error', (err) => {
      log.warn({ error: err.message }, 'the insight worker failed; starting a new one on the next call');
      fail(err);
    });
    worker.on('exit', (code) => fail(new Error(`the insight worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /** Starts the worker ahead of the first insight (a serving instance does, so nobody waits for it to load). */
  warm(): void {
    this.workerOrNull();
  }

  /** Whether insights run in the worker (false: in-process, the worker file is missing). */
  get inWorker(): boolean {
    return this.worker !== null;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
