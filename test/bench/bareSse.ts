import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The baseline for live-event latency: a bare node:http SSE server with no framework, no auth
 * and no database. POST /push sends the request body to every open GET /events stream.
 */
const streams = new Set<http.ServerResponse>();
let nextId = 1;
const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write('event: connected\ndata: {}\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
    return;
  }
  if (req.method === 'POST' && req.url === '/push') {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const frame = `id: ${nextId++}\ndata: ${body}\n\n`;
      for (const s of streams) s.write(frame);
      res.end('ok');
    });
    return;
  }
  res.writeHead(404).end();
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`));
