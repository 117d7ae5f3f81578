import type http from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { createContext, type Services } from './context.js';
import { serveSubscription } from './events/sseFastPath.js';
import { appRouter } from './routers/_app.js';

export const MAX_BODY_BYTES = 1024 * 1024;

const CORS_HEADERS = {
  // Bearer tokens, no cookies: any origin (extension pages, webviews) may call with a token.
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, trpc-accept, last-event-id, x-trpc-source',
  'access-control-max-age': '600',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', ...CORS_HEADERS });
  res.end(JSON.stringify(body));
}

/** The HTTP listener: `GET /healthz`, tRPC under `/trpc`, CORS, and a 1 MB body limit. */
export function createRequestListener(services: Services): http.RequestListener {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    createContext: ({ req, info }) => createContext(services, req, info.connectionParams),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[handoff] ${path ?? '?'} failed:`, error.cause ?? error);
    },
  });
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    if (url.pathname === '/healthz') {
      services.store.db
        .selectFrom('teams')
        .select('id')
        .limit(1)
        .execute()
        .then(
          () =>
            sendJson(res, 200, {
              ok: true,
              engine: services.store.engine,
              lastEventId: services.hub.position,
              liveStreams: services.hub.subscriberCount + services.releaseHub.subscriberCount,
            }),
          (err: Error) => sendJson(res, 503, { ok: false, error: `database unavailable: ${err.message}` }),
        );
      return;
    }
    if (!url.pathname.startsWith('/trpc/')) {
      sendJson(res, 404, { error: { message: `Nothing at ${url.pathname}; the API is under /trpc and health at /healthz.` } });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      sendJson(res, 413, {
        error: { message: `Request body is ${declared} bytes; the limit is ${MAX_BODY_BYTES} bytes (1 MB).`, code: 'PAYLOAD_TOO_LARGE' },
      });
      req.resume();
      return;
    }
    for (const [k, v] of Object.entries(CORS_HEADERS)) res.setHeader(k, v);
    if (serveSubscription(services, req, res, url)) return;
    trpc(req, res);
  };
}
