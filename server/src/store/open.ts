import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { Database, Engine } from './schema.js';
import { log } from '../log.js';

export interface OpenedDb {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, for messages (a file path, or the URL without its password). */
  location: string;
  /** PostgreSQL only: the connection settings, for the LISTEN connection. */
  pgConfig?: pg.PoolConfig;
  /** SQLite only: the last run did not close the data file (its write-ahead log was left behind). */
  unclean?: boolean;
}

export interface OpenOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** SQLite `synchronous` pragma; FULL (the default) fsyncs every commit. */
  sqliteSynchronous?: 'FULL' | 'NORMAL';
  /** SQLite: checkpoint the write-ahead log from a worker thread (default true; off only to measure against). */
  walCheckpointer?: boolean;
}

/** Thrown when the database cannot be opened or reached; the message says which and why. */
export class DatabaseUnavailableError extends Error {
  static is(e: unknown): e is DatabaseUnavailableError {
    return e instanceof DatabaseUnavailableError;
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

export async function openDb(opts: OpenOptions): Promise<OpenedDb> {
  if (opts.databaseUrl) {
    // Loaded only for PostgreSQL: a SQLite server starts without it (~90 ms of module loading).
    const { default: pg } = await import('pg');
    const pgConfig: pg.PoolConfig = { connectionString: opts.databaseUrl, max: 10, connectionTimeoutMillis: 5000 };
    const pool = new pg.Pool(pgConfig);
    // Without a listener, an idle client's network error would crash the process.
    pool.on('error', (err) => log.warn({ error: err.message }, 'an idle PostgreSQL connection failed'));
    // A create is acknowledged only once its commit is on disk, whatever the server's default.
    pool.on('connect', (client) => {
      // pg-pool listens for errors only on idle clients: a connection lost in the middle of a
      // query would otherwise be an uncaught 'error' event and take the whole server down. The
      // query itself fails (a 503 for its caller); the pool replaces the client.
      client.on('error', (err) => log.warn({ error: err.message }, 'a PostgreSQL connection in use failed'));
      void client.query('set synchronous_commit to on').catch(() => undefined);
    });
    try {
      const client = await pool.connect();
      client.release();
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new DatabaseUnavailableError(`Cannot reach PostgreSQL at ${redactUrl(opts.databaseUrl)}: ${(err as Error).message}`);
    }
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      engine: 'postgres',
      location: redactUrl(opts.databaseUrl),
      pgConfig,
    };
  }
  const file = path.resolve(opts.dataDir, 'handoff.sqlite');
  // A closed store leaves no write-ahead log behind (the last connection checkpoints and removes
  // it): one with content means the last run ended without closing (a crash, a kill, a power cut).
  const unclean = (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
  let sqlite: BetterSqlite3.Database;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${opts.sqliteSynchronous ?? 'FULL'}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Deleted and overwritten content is zeroed in the file, so erased personal data leaves no copy.
    sqlite.pragma('secure_delete = ON');
  } catch (err) {
    throw new DatabaseUnavailableError(`Cannot open the data file ${file}: ${(err as Error).message}`);
  }
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
    engine: 'sqlite',
    location: file,
    unclean,
  };
}

const STATEMENT_CACHE_SIZE = 500;
const NO_OP_STATEMENT = { reader: false, run: () => ({ changes: 0, lastInsertRowid: 0 }) } as unknown as BetterSqlite3.Statement;

/**
 * Kysely prepares every query anew; preparing is ~10 % of a create's CPU. Queries are built
 * from a small set of shapes, so prepared statements are kept by SQL text (least recently used
 * dropped first). Safe because Kysely runs one statement at a time on this connection.
 */
function withStatementCache(db: BetterSqlite3.Database): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = db.prepare.bind(db);
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') return Reflect.get(target, prop, receiver);
      return (source: string) => {
        // SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, …); Kysely's own
        // rollback would then fail with "cannot rollback - no transaction is active" and hide
        // the real error. Nothing is left to roll back, so that rollback does nothing.
        if (source === 'rollback' && !target.inTransaction) return NO_OP_STATEMENT;
        let stmt = cache.get(source);
        if (stmt) {
          cache.delete(source); // re-insert: most recently used last
        } else {
          stmt = prepare(source);
          if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        }
        cache.set(source, stmt);
        return stmt;
      };
    },
  });
}
