import net from 'node:net';
import vm from 'node:vm';
import v8 from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from './liveEvents.testutil.js';
import { type RunningServer, startServer } from './server.js';
import { testClient } from './testClient.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from './testing.js';

/** Sends raw bytes and resolves with everything the server answered once it closes the socket. */
function rawExchange(url: string, send: (socket: net.Socket) => void): Promise<{ text: string; ms: number }> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => send(socket));
    let text = '';
    socket.on('data', (d) => {
      text += d.toString();
    });
    socket.on('close', () => resolve({ text, ms: Date.now() - started }));
    socket.on('error', reject);
  });
}

const waitUntil = async (cond: () => boolean, ms: number, what: string) => {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('limits that hold when a client misbehaves', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let tokens: NonNullable<RunningServer['demoTokens']>;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startServer({
      port: 0,
      dataDir: db.dataDir,
      demo: true,
      allowedOrigins: ['chrome-extension://*', 'https://console.example.com'],
      limits: { requestTimeoutMs: 1500, headersTimeoutMs: 1000, maxStreamsPerUser: 3 },
    });
    tokens = server.demoTokens!;
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('refuses a batch over the limit with a 400 naming it', async () => {
    const paths = Array.from({ length: 21 }, () => 'auth.whoami').join(',');
    const res = await fetch(`${server.url}/trpc/${paths}?batch=1`, { headers: { authorization: `Bearer ${tokens.agent}` } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'batch: a request may carry at most 20 calls; this one has 21. Send them in smaller batches.',
    );
    const twenty = Array.from({ length: 20 }, () => 'auth.whoami').join(',');
    expect((await fetch(`${server.url}/trpc/${twenty}?batch=1`, { headers: { authorization: `Bearer ${tokens.agent}` } })).status).toBe(
      200,
    );
  });

  it('backs off an address after repeated wrong tokens, for right tokens too, then lets it in again', async () => {
    // Its own server: the address is blocked for a while afterwards.
    const guarded = await startServer({
      port: 0,
      dataDir: (await createTestDatabase('sqlite')).dataDir,
      signInGuard: { failures: 5, windowSeconds: 60, blockSeconds: 1 },
    });
    const token = await guarded.addUser({ name: 'Gina', role: 'agent' });
    const whoami = (t: string) => fetch(`${guarded.url}/trpc/auth.whoami`, { headers: { authorization: `Bearer ${t}` } });
    expect((await whoami(token)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await whoami(`wrong-${i}`)).status).toBe(401);
    const blocked = await whoami(token);
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as { error: { message: string } }).error.message).toMatch(
      /Too many wrong tokens from your address: wait \d+ s/,
    );
    let status = 429;
    const until = Date.now() + 5000;
    while (status === 429 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await whoami(token)).status;
    }
    expect(status).toBe(200);
    await guarded.close();
  });

  it('answers CORS only for the extensions and configured origins', async () => {
    const preflight = (origin: string) => fetch(`${server.url}/trpc/auth.whoami`, { method: 'OPTIONS', headers: { origin } });
    expect((await preflight('chrome-extension://abcdefghijklmnop')).headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnop',
    );
    expect((await preflight('https://console.example.com')).headers.get('access-control-allow-origin')).toBe('https://console.example.com');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight('chrome-extension://')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('cuts off a request body sent byte by byte, and headers that never end', async () => {
    const body = await rawExchange(server.url, (socket) => {
      socket.write(
        `POST /trpc/incidents.comment HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${tokens.agent}\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{`,
      );
      const drip = setInterval(() => (socket.writable ? socket.write(' ') : clearInterval(drip)), 200);
      socket.on('close', () => clearInterval(drip));
    });
    expect(body.text).toMatch(/^HTTP\/1\.1 408/);
    expect(body.ms).toBeLessThan(15_000);
    const headers = await rawExchange(server.url, (socket) => {
      socket.write('GET /healthz HTTP/1.1\r\nhost: x\r\n');
      const drip = setInterval(() => (socket.writable ? socket.write('x-slow: 1\r\n') : clearInterval(drip)), 200);
      socket.on('close', () => clearInterval(drip));
    });
    expect(headers.text).toMatch(/^HTTP\/1\.1 408/);
  });

  it('caps the connections of one address', async () => {
    const capped = await startServer({
      port: 0,
      dataDir: (await createTestDatabase('sqlite')).dataDir,
      limits: { maxConnectionsPerAddress: 40 },
    });
    const sockets: net.Socket[] = [];
    const { hostname, port } = new URL(capped.url);
    try {
      for (let i = 0; i < 40; i++) {
        sockets.push(
          await new Promise<net.Socket>((resolve) => {
            const s = net.connect(Number(port), hostname, () => resolve(s));
          }),
        );
      }
      const refused = await rawExchange(capped.url, () => undefined);
      expect(refused.text).toMatch(/^HTTP\/1\.1 503 .*\r\n[\s\S]*Too many connections from your address \(at most 40\)/);
    } finally {
      for (const s of sockets) s.destroy();
      await capped.close();
    }
  });

  it('caps the live streams one user holds open', async () => {
    const streams = [0, 1, 2].map(() => collect(testClient(server.url, tokens.developer), {}));
    await Promise.all(streams.map((s) => s.ready));
    const fourth = collect(testClient(server.url, tokens.developer), {});
    await waitUntil(() => fourth.errors.length > 0, 10_000, 'the fourth stream to be refused');
    expect(String(fourth.errors[0])).toMatch(/You have 3 live streams open \(the limit is 3\)/);
    fourth.stop();
    streams[0]!.stop();
    // Closing one makes room for another.
    await waitUntil(() => server.services.hub.subscriberCount < 3, 10_000, 'the stream to close');
    const again = collect(testClient(server.url, tokens.developer), {});
    await again.ready;
    expect(again.errors).toEqual([]);
    for (const s of [again, ...streams.slice(1)]) s.stop();
  });
});

describe.each(['sqlite', 'postgres'] as const)('live streams whose readers stop reading, on %s', (engine) => {
  let db: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    server = await startServer({
      port: 0,
      dataDir: db.dataDir,
      databaseUrl: db.databaseUrl,
      demo: true,
      limits: { maxStreamStallMs: 2000 },
    });
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('keep the heap bounded: a stalled reader is cut off, not buffered without end', { timeout: 180_000 }, async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const tokens = server.demoTokens!;
    const { reference: ref } = await testClient(server.url, tokens.agent).incidents.create.mutate(sampleIncident());
    const { hostname, port } = new URL(server.url);
    const input = encodeURIComponent(JSON.stringify({}));
    const stalled = await Promise.all(
      Array.from(
        { length: 10 },
        () =>
          new Promise<net.Socket>((resolve) => {
            const socket = net.connect(Number(port), hostname, () => {
              socket.write(
                `GET /trpc/events.onChange?input=${input} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${tokens.developer}\r\n\r\n`,
              );
            });
            socket.once('data', () => {
              socket.pause(); // read the headers, then never read again
              resolve(socket);
            });
          }),
      ),
    );
    await waitUntil(() => server.services.hub.subscriberCount === 10, 10_000, 'the 10 streams to subscribe');
    const before = heap();
    const text = 'x'.repeat(9_990);
    const { services } = server;
    const dev = (await services.store.listUsers()).find((u) => u.role === 'developer')!;
    // 2,000 events of 10 KB, 100 per transaction: as much for the readers as 4,000 of 5 KB, in a
    // twentieth of the commits (minutes on a busy machine otherwise, and not what is tested here).
    for (let batch = 0; batch < 20; batch++) {
      await services.incidents.change(services.incidents.idOf(ref), dev.id, () =>
        Array.from({ length: 100 }, (_, k) => ({ kind: 'comment' as const, text: `${batch * 100 + k} ${text}` })),
      );
    }
    // The server ends each stalled stream (a paused socket does not even notice until it reads).
    await waitUntil(() => server.services.hub.subscriberCount === 0, 60_000, 'the stalled streams to be cut off');
    const growth = heap() - before;
    // 10 readers × 2,000 events × 10 KB = 200 MB if buffered; bounded, it stays far below.
    expect(growth).toBeLessThan(40 * 1024 * 1024);
    console.log(
      `[limits] ${engine}: heap growth with 10 stalled readers and 2,000 × 10 KB events: ${(growth / 1024 / 1024).toFixed(1)} MB`,
    );
    for (const s of stalled) s.destroy();
  });
});
