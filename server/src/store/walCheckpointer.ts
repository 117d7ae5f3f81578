import { Worker } from 'node:worker_threads';
import { log } from '../log.js';
import type { WalCheckpointCommand, WalCheckpointReport, WalCheckpointWorkerData } from './walCheckpointWorker.js';
import { workerFile } from '../workerFile.js';

/** How often the worker checkpoints (a round with nothing new to copy costs a few microseconds). */
export const CHECKPOINT_INTERVAL_MS = 200;
/**
 * The server's own connection still checkpoints once the WAL holds this many pages (40 MB at
 * 4 KB): a safety net should the worker fall behind, far above SQLite's default of 1,000.
 */
export const MAIN_AUTOCHECKPOINT_PAGES = 10_000;
/** How long close() waits for a checkpoint in progress before ending the thread. */
const STOP_TIMEOUT_MS = 5_000;

/**
 * Checkpoints an SQLite database's write-ahead log from a worker thread. SQLite's automatic
 * checkpoint runs inside the commit that crosses the threshold, on the event loop: copying a few
 * MB into the database file and syncing it stalled live events and the service-level scheduler
 * for tens of milliseconds. Here it happens beside the loop, on a second connection.
 */
export class WalCheckpointer {
  /**
   * Frames copied into the database file so far, checkpoint rounds that copied any, failed
   * rounds, and whether the last round that copied anything left nothing in the WAL uncopied.
   */
  readonly stats = { frames: 0, rounds: 0, failures: 0, caughtUp: false };
  private readonly exited: Promise<void>;
  private running = true;
  private stopping = false;

  private constructor(
    private readonly worker: Worker,
    private readonly file: string,
    onLost: () => void,
  ) {
    worker.unref();
    worker.on('message', (msg: WalCheckpointReport) => this.onReport(msg));
    worker.on('error', (err) => log.warn({ err, store: file }, 'the WAL checkpointer failed'));
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    void this.exited.then(() => {
      this.running = false;
      if (!this.stopping) onLost();
    });
  }

  /**
   * Starts checkpointing `file`; null (and a warning) when the worker is not built. `onLost` is
   * called if the worker ends without being stopped (the server's connection then has to
   * checkpoint on its own again).
   */
  static start(file: string, opts: { intervalMs?: number; onLost: () => void }): WalCheckpointer | null {
    const script = workerFile('./walCheckpointWorker.js', import.meta.url);
    if (!script) {
      log.warn('the WAL checkpointer is not built (npm run build): SQLite checkpoints on the event loop');
      return null;
    }
    const data: WalCheckpointWorkerData = { file, intervalMs: opts.intervalMs ?? CHECKPOINT_INTERVAL_MS };
    return new WalCheckpointer(new Worker(script, { workerData: data }), file, opts.onLost);
  }

  /** Whether the worker thread is still alive. */
  get isRunning(): boolean {
    return this.running;
  }

  private onReport(msg: WalCheckpointReport): void {
    if (msg.type === 'checkpointed') {
      this.stats.frames += msg.frames;
      this.stats.rounds++;
      this.stats.caughtUp = msg.checkpointed === msg.log;
    } else if (msg.type === 'failed') {
      // Reported once per kind of failure in a row. SQLITE_BUSY is another checkpoint running
      // (an erasure's TRUNCATE, the safety net): ordinary. A full disk is reported by the writes
      // themselves; this says checkpoints wait for space too.
      this.stats.failures++;
      const level = msg.code === 'SQLITE_BUSY' ? 'debug' : 'warn';
      log[level]({ code: msg.code, error: msg.message, store: this.file }, 'a WAL checkpoint failed; retrying');
    }
  }

  /** Stops the worker after its current round and waits until its connection is closed. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (!this.running) return;
    this.worker.postMessage({ type: 'stop' } satisfies WalCheckpointCommand);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), STOP_TIMEOUT_MS);
    });
    if ((await Promise.race([this.exited, late])) === 'late') await this.worker.terminate();
    clearTimeout(timer);
    await this.exited;
  }
}
