import { staffMailLinks } from './mail/staffLinks.js';
import type http from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { createContext, type Services } from './context.js';
import { serveSubscription } from './events/sseFastPath.js';
import { corsHeaders } from './http/cors.js';
import type { HttpLimits } from './http/limits.js';
import { log, pathOf } from './log.js';
import { appRouter } from './routers/_app.js';
import { type CustomerLimits, customerPages } from './web/customer/routes.js';
import { staffFeeds } from './web/feeds/staffFeed.js';
import { createConsoleHandler } from './web/console/routes.js';
import { createKnownIssuesHandler } from './web/knownIssues/routes.js';

export interface HttpOptions {
  limits: HttpLimits;
  allowedOrigins: readonly string[];
  customerLimits?: CustomerLimits;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A tRPC-shaped error body, so clients read it like any other error. */
const trpcError = (message: string, code: string, httpStatus: number) => ({ error: { message, code: -32600, data: { code, httpStatus } } });

/** The HTTP listener: `GET /healthz`, tRPC under `/trpc`, CORS, and the request limits. */
export function createRequestListener(services: Services, opts: HttpOptions): http.RequestListener {
  const { limits } = opts;
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: limits.maxBodyBytes,
    maxBatchSize: limits.maxBatchSize,
    createContext: ({ req, info }) => createContext(services, req, info.connectionParams),
    onError({ error, path, req, ctx }) {
      if (error.code !== 'INTERNAL_SERVER_ERROR') return;
      log.error(
        {
          err: error.cause ?? error,
          procedure: path,
          method: req.method,
          path: pathOf(req.url),
          userId: ctx?.user?.id,
          address: ctx?.clientAddress,
        },
        `${path ?? 'request'} failed`,
      );
    },
  });
  const consolePages = createConsoleHandler(services);
  const knownIssues = createKnownIssuesHandler(services);
  const customer = customerPages(services, limits, opts.customerLimits);
  const feeds = staffFeeds(services);
  const staffMail = staffMailLinks(services);
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // The customer's page: its own headers (no CORS), its own 404.
    if (url.pathname.startsWith('/c/')) {
      customer(req, res, url);
      return;
    }
    if (url.pathname.startsWith('/m/')) {
      staffMail(req, res, url);
      return;
    }
    if (url.pathname.startsWith('/feeds/')) {
      feeds(req, res, url);
      return;
    }
    if (consolePages(req, res, url) || knownIssues(req, res, url)) return;
    const cors = corsHeaders(req.headers.origin, opts.allowedOrigins);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    if (url.pathname === '/healthz') {
      services.store.health().then(
        (h) =>
          sendJson(
            res,
            h.ok ? 200 : 503,
            {
              ...h,
              engine: services.store.engine,
              lastEventId: services.hub.position,
              liveStreams: services.hub.subscriberCount + services.releaseHub.subscriberCount,
            },
            cors,
          ),
        (err: Error) => sendJson(res, 503, { ok: false, error: `health check failed: ${err.message}` }, cors),
      );
      return;
    }
    if (!url.pathname.startsWith('/trpc/')) {
      sendJson(
        res,
        404,
        { error: { message: `Nothing at ${url.pathname}; the API is under /trpc, health at /healthz, customers' pages under /c/.` } },
        cors,
      );
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limits.maxBodyBytes) {
      const mb = (limits.maxBodyBytes / 1024 / 1024).toFixed(0);
      sendJson(
        res,
        413,
        trpcError(`Request body is ${declared} bytes; the limit is ${limits.maxBodyBytes} bytes (${mb} MB).`, 'PAYLOAD_TOO_LARGE', 413),
        cors,
      );
      req.resume();
      return;
    }
    const calls = url.searchParams.get('batch') === '1' ? url.pathname.slice('/trpc/'.length).split(',').length : 1;
    if (calls > limits.maxBatchSize) {
      sendJson(
        res,
        400,
        trpcError(
          `batch: a request may carry at most ${limits.maxBatchSize} calls; this one has ${calls}. Send them in smaller batches.`,
          'BAD_REQUEST',
          400,
        ),
        cors,
      );
      req.resume();
      return;
    }
    for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
    if (serveSubscription(services, limits, req, res, url)) return;
    trpc(req, res);
  };
}

/**
 * Caps the open connections per address: one client cannot take every socket. Past the cap a
 * connection gets a plain 503 and is closed.
 */
export function capConnectionsPerAddress(server: http.Server, maxPerAddress: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
    if (count > maxPerAddress) {
      log.warn({ address, open: count }, 'too many connections from one address');
      socket.end(
        `HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nToo many connections from your address (at most ${maxPerAddress}).\n`,
      );
    }
  });
}
