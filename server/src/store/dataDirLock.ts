import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** Thrown when another server already uses the data directory; the message says what to do. */
export class DataDirInUseError extends Error {
  static is(e: unknown): e is DataDirInUseError {
    return e instanceof DataDirInUseError;
  }
}

/**
 * Makes this process the only server on `dataDir` until `release()`: an exclusive lock on the
 * file `handoff.lock` there. The operating system drops the lock when the process ends, even
 * when it is killed, so a crashed server never blocks the next start; a second server on the
 * same folder is refused at once instead of failing later with "database is locked".
 * (Command-line tools such as `user add` do not take it: they may run beside the server.)
 */
export function lockDataDir(dataDir: string): { release(): void } {
  mkdirSync(dataDir, { recursive: true });
  const file = path.resolve(dataDir, 'handoff.lock');
  const lock = new BetterSqlite3(file, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    lock.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      throw new DataDirInUseError(
        `Another Handoff server is already using the data directory ${path.resolve(dataDir)}: stop it first, or start this one with another --data-dir.`,
      );
    }
    throw err;
  }
  return {
    release() {
      if (!lock.open) return;
      lock.exec('ROLLBACK');
      lock.close();
    },
  };
}
