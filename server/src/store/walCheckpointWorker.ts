import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

/**
 * The write-ahead log's checkpointer: copies committed pages from the WAL into the database file
 * on its own connection, in this thread, so the fsyncs and page copies of a checkpoint never run
 * inside a commit on the server's event loop. PASSIVE: it never waits for (or blocks) a reader or
 * the writer; what it cannot copy now it copies on a later round.
 */
export interface WalCheckpointWorkerData {
  file: string;
  intervalMs: number;
}

/** Worker → owner. */
export type WalCheckpointReport =
  | { type: 'checkpointed'; frames: number; log: number; checkpointed: number }
  | { type: 'failed'; code: string; message: string }
  | { type: 'stopped' };

/** Owner → worker. */
export type WalCheckpointCommand = { type: 'stop' };

const data = workerData as WalCheckpointWorkerData;
const db = new BetterSqlite3(data.file, { fileMustExist: true });
// A checkpoint syncs the WAL before copying and the database file after: as durable as the server's commits.
db.pragma('synchronous = FULL');
// This connection never checkpoints by itself on a commit (it commits nothing), and never waits for a lock.
db.pragma('busy_timeout = 0');
const checkpoint = db.prepare('pragma wal_checkpoint(PASSIVE)');

/** Frames of the WAL already in the database file after the last round, and which WAL that was. */
let backfilled = 0;
let generation = '';
let lastFailure = '';

/**
 * The WAL's salts (header bytes 16–23): new each time the writer starts the log over, so frame
 * counts of a new log are not mistaken for ones of the previous one. For the report only.
 */
function walGeneration(): string {
  const header = Buffer.alloc(8);
  try {
    const fd = openSync(`${data.file}-wal`, 'r');
    try {
      readSync(fd, header, 0, 8, 16);
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
  return header.toString('hex');
}

function round(): void {
  try {
    const row = checkpoint.get() as { busy: number; log: number; checkpointed: number };
    // -1: the database is not in WAL mode (nothing to do).
    if (row.log < 0) return;
    const now = walGeneration();
    if (now !== generation || row.checkpointed < backfilled) backfilled = 0;
    generation = now;
    const frames = row.checkpointed - backfilled;
    backfilled = row.checkpointed;
    lastFailure = '';
    if (frames > 0)
      parentPort!.postMessage({ type: 'checkpointed', frames, log: row.log, checkpointed: row.checkpointed } satisfies WalCheckpointReport);
  } catch (err) {
    // SQLITE_BUSY (another checkpoint is running), SQLITE_FULL (no space to grow the database
    // file), an I/O error: nothing is lost — the frames stay in the WAL and the next round tries again.
    const e = err as { code?: string; message?: string };
    const code = e.code ?? 'ERROR';
    if (code !== lastFailure)
      parentPort!.postMessage({ type: 'failed', code, message: e.message ?? String(err) } satisfies WalCheckpointReport);
    lastFailure = code;
  }
}

const timer = setInterval(round, data.intervalMs);

parentPort!.on('message', (_cmd: WalCheckpointCommand) => {
  clearInterval(timer);
  db.close();
  parentPort!.postMessage({ type: 'stopped' } satisfies WalCheckpointReport);
  parentPort!.close();
});
