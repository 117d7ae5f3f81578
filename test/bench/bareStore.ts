import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

/**
 * The floors any Handoff request is measured against, on the benchmark's own engine:
 * - POST /: the least any HTTP create can do — node:http, JSON.parse, one prepared insert
 *   committed durably (SQLite WAL + synchronous=FULL in its own file; PostgreSQL one autocommit
 *   insert, synchronous_commit on) — no framework, validation, auth, timeline or events.
 * - GET /incidents/<id>: the least a lookup can do — one prepared select by primary key over the
 *   SAME store Handoff serves (its file, or its database), the row sent as JSON.
 * Usage: node bareStore.js <dataDir> [databaseUrl]; prints "listening on <url>".
 */
interface Floor {
  insert(key: string, body: string): Promise<number>;
  byId(id: number): Promise<unknown>;
}

function sqliteFloor(dataDir: string): Floor {
  const bare = new BetterSqlite3(path.join(dataDir, 'bare-insert.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('create table if not exists t (id integer primary key, key text not null unique, body text not null)');
  const insert = bare.prepare('insert into t (key, body) values (?, ?)');
  const store = new BetterSqlite3(path.join(dataDir, 'handoff.sqlite'), { readonly: true });
  const select = store.prepare('select * from incidents where id = ?');
  return {
    insert: async (key, body) => Number(insert.run(key, body).lastInsertRowid),
    byId: async (id) => select.get(id),
  };
}

async function postgresFloor(url: string): Promise<Floor> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query('create table if not exists bare_insert (id bigserial primary key, key text not null unique, body text not null)');
  return {
    insert: async (key, body) =>
      Number(
        (
          await pool.query({
            name: 'bare-insert',
            text: 'insert into bare_insert (key, body) values ($1, $2) returning id',
            values: [key, body],
          })
        ).rows[0].id,
      ),
    byId: async (id) => (await pool.query({ name: 'bare-by-id', text: 'select * from incidents where id = $1', values: [id] })).rows[0],
  };
}

const [dataDir = '.', databaseUrl] = process.argv.slice(2);
const floor = databaseUrl ? await postgresFloor(databaseUrl) : sqliteFloor(dataDir);
const send = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const server = http.createServer((req, res) => {
  const byId = /^\/incidents\/(\d+)$/.exec(req.url ?? '');
  if (req.method === 'GET' && byId) {
    floor.byId(Number(byId[1])).then(
      (row) => (row ? send(res, 200, { result: { data: row } }) : send(res, 404, { error: 'no such incident' })),
      (err: Error) => send(res, 500, { error: err.message }),
    );
    return;
  }
  let body = '';
  req.on('data', (d: Buffer) => (body += d));
  req.on('end', () => {
    const input = JSON.parse(body) as { idempotencyKey: string };
    floor.insert(input.idempotencyKey, body).then(
      (id) => send(res, 200, { result: { data: { id } } }),
      (err: Error) => send(res, 500, { error: err.message }),
    );
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`));
