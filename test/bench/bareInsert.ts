import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/**
 * The least any HTTP create can do: node:http, JSON.parse, one prepared better-sqlite3 insert
 * (WAL, synchronous=FULL) per request — no framework, validation, auth, timeline or events.
 * Usage: node bareInsert.js <dir>; prints "listening on <url>".
 */
const db = new BetterSqlite3(path.join(process.argv[2] ?? '.', 'bare-insert.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('create table if not exists t (id integer primary key, key text not null unique, body text not null)');
const insert = db.prepare('insert into t (key, body) values (?, ?)');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d: Buffer) => (body += d));
  req.on('end', () => {
    const input = JSON.parse(body) as { idempotencyKey: string };
    const row = insert.run(input.idempotencyKey, body);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ result: { data: { id: Number(row.lastInsertRowid) } } }));
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`));
