import type http from 'node:http';
import { TRPCError, callTRPCProcedure, getTRPCErrorFromUnknown, getTRPCErrorShape, isTrackedEnvelope } from '@trpc/server';
import { createContext, type Services } from '../context.js';
import type { HttpLimits } from '../http/limits.js';
import { log } from '../log.js';
import { FAULT_MESSAGES, storeFault } from '../store/errors.js';
import { grantOf } from './credentialWatch.js';
import { SubscriberTooSlowError } from './follow.js';
import { appRouter } from '../routers/_app.js';
import { SSE_OPTIONS } from '../trpc.js';

/** Subscriptions served here; any other path goes through tRPC's own handler. */
const FAST_PATHS = new Set(['events.onChange', 'releases.onChange']);
const CONNECTED = `event: connected\ndata: ${JSON.stringify(SSE_OPTIONS.client)}\n\n\n`;
const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
};

/**
 * Events are shared objects (see routers/events.ts), so each frame is encoded once, as bytes, for
 * all streams: a socket holds a Buffer it is given by reference, while a string is copied into
 * each one — with 1,000 subscribers, 1,000 copies of every event until the garbage collector
 * catches up (~80 MB for a burst of 20 changes).
 */
const frames = new WeakMap<object, { id: string; bytes: Buffer }>();
export function frame(id: string, data: unknown): Buffer {
  const shared = typeof data === 'object' && data !== null;
  const known = shared ? frames.get(data) : undefined;
  if (known?.id === id) return known.bytes;
  const bytes = Buffer.from(`data: ${JSON.stringify(data)}\nid: ${id}\n\n\n`);
  if (shared) frames.set(data, { id, bytes });
  return bytes;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJsonParam(value: string | null, name: string): unknown {
  if (value === null) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw new TRPCError({ code: 'PARSE_ERROR', message: `${name}: not valid JSON` });
  }
}

/**
 * Serves the live-event subscriptions without tRPC's web-streams pipeline, which here costs
 * ~0.25 ms per subscriber per event — a quarter of a second for one change with 1,000
 * developers listening. The procedure still runs through tRPC (`callProcedure`: auth, roles,
 * input validation, the generator), and the stream speaks tRPC's SSE protocol (`connected`,
 * tracked `data`/`id`, `ping`, `serialized-error`, `return`), so clients use the standard
 * `httpSubscriptionLink`; the server tests drive it with that link.
 * Returns false for requests it does not serve.
 */
export function serveSubscription(
  services: Services,
  limits: HttpLimits,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
): boolean {
  const path = url.pathname.slice('/trpc/'.length);
  if (req.method !== 'GET' || !FAST_PATHS.has(path)) return false;
  void stream(services, limits, req, res, url, path);
  return true;
}

/** Open live streams per user, per server (the cap of `limits.maxStreamsPerUser`). */
const openStreams = new WeakMap<Services, Map<number, number>>();

/**
 * Writes one chunk, honouring backpressure: when the socket's buffer is full it waits for it to
 * drain; past `maxBuffered` bytes, or when the reader takes nothing for `maxStallMs`, it gives
 * up on this reader (SubscriberTooSlowError) — it resumes by its last id when it reads again.
 */
export async function send(res: http.ServerResponse, chunk: string | Buffer, limits: HttpLimits): Promise<void> {
  if (res.write(chunk)) return;
  if (res.writableLength > limits.maxStreamBufferBytes)
    throw new SubscriberTooSlowError(`${res.writableLength} bytes waited for this reader`);
  const drained = await new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => () => {
      clearTimeout(timer);
      res.off('drain', onDrain);
      res.off('close', onDrain);
      resolve(ok);
    };
    const onDrain = done(true);
    const timer = setTimeout(done(false), limits.maxStreamStallMs);
    res.on('drain', onDrain);
    res.on('close', onDrain);
  });
  if (!drained) throw new SubscriberTooSlowError(`the reader took nothing for ${limits.maxStreamStallMs} ms`);
}

async function stream(services: Services, limits: HttpLimits, req: http.IncomingMessage, res: http.ServerResponse, url: URL, path: string) {
  const abort = new AbortController();
  req.on('close', () => abort.abort());
  res.writeHead(200, SSE_HEADERS);
  // "connected" tells the client that every change committed from now on reaches it, so "now" is
  // fixed first: a stream that names no last id starts after the newest event at this moment.
  // Fixed later (when the generator starts, after authentication), a change committed in between
  // would be neither replayed nor live. A store that cannot answer leaves it to the stream's own
  // error handling.
  const startAfter = await (path === 'events.onChange' ? services.incidents : services.releases).lastEventId().catch(() => null);
  res.write(CONNECTED);
  const ping = setInterval(() => {
    if (res.writableLength > limits.maxStreamBufferBytes) res.destroy();
    else res.write('event: ping\ndata: \n\n\n');
  }, SSE_OPTIONS.ping.intervalMs);
  let ctx: Awaited<ReturnType<typeof createContext>> | undefined;
  let input: unknown;
  let counted: number | null = null;
  let unwatch: (() => void) | null = null;
  let ended = false;
  const streams = openStreams.get(services) ?? new Map<number, number>();
  openStreams.set(services, streams);
  try {
    const params = parseJsonParam(url.searchParams.get('connectionParams'), 'connectionParams');
    ctx = await createContext(services, req, params ?? null);
    input = parseJsonParam(url.searchParams.get('input'), 'input');
    // An EventSource that reconnects by itself sends the last id as a header.
    const lastEventId = req.headers['last-event-id'] ?? url.searchParams.get('lastEventId');
    if (typeof lastEventId === 'string' && lastEventId) {
      input = typeof input === 'object' && input !== null ? { ...input, lastEventId } : { lastEventId };
    } else if (startAfter !== null && (input === undefined || isPlainObject(input))) {
      const given = input as { lastEventId?: unknown } | undefined;
      if (given?.lastEventId === undefined || given.lastEventId === null) input = { ...given, lastEventId: String(startAfter) };
    }
    if (ctx.user) {
      const open = streams.get(ctx.user.id) ?? 0;
      if (open >= limits.maxStreamsPerUser) {
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: `You have ${open} live streams open (the limit is ${limits.maxStreamsPerUser}): close some windows or panels, then try again.`,
        });
      }
      counted = ctx.user.id;
      streams.set(counted, open + 1);
    }
    if (ctx.user && ctx.tokenId !== null) {
      const streamCtx = ctx;
      unwatch = services.credentials.watch({
        tokenId: ctx.tokenId,
        userId: ctx.user.id,
        grant: grantOf(ctx.user),
        // A revoked token stops working on open streams too: a 401 the client shows, then the end.
        revoked: () => {
          ended = true;
          const error = new TRPCError({
            code: 'UNAUTHORIZED',
            message: 'Your token was revoked or your account deactivated: sign in again with a new token.',
          });
          const shape = getTRPCErrorShape({ config: appRouter._def._config, error, type: 'subscription', path, input, ctx: streamCtx });
          res.write(`event: serialized-error\ndata: ${JSON.stringify(shape)}\n\n\n`);
          abort.abort();
          res.end();
        },
        // New role or teams: cut the stream; the client reconnects and is filtered by the new ones.
        changed: () => {
          ended = true;
          abort.abort();
          res.destroy();
        },
      });
    }
    const iterable = (await callTRPCProcedure({
      router: appRouter,
      path,
      ctx,
      type: 'subscription',
      getRawInput: async () => input,
      signal: abort.signal,
      batchIndex: 0,
    })) as AsyncIterable<unknown>;
    for await (const value of iterable) {
      if (!isTrackedEnvelope(value)) throw new Error(`${path} yielded an untracked value`);
      await send(res, frame(value[0], value[1]), limits);
      if (abort.signal.aborted) break;
    }
    if (!ended) res.write('event: return\ndata: \n\n\n');
  } catch (cause) {
    if (SubscriberTooSlowError.is(cause)) {
      // No error event: the client's EventSource reconnects by itself and resumes by its last id.
      log.warn(
        { procedure: path, userId: ctx?.user?.id, address: ctx?.clientAddress, reason: cause.message },
        'live stream cut off: the reader fell behind',
      );
      res.destroy();
    } else if (!abort.signal.aborted) {
      const fault = storeFault(cause);
      const error = fault
        ? new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: FAULT_MESSAGES[fault], cause })
        : getTRPCErrorFromUnknown(cause);
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        log.error({ err: error.cause ?? error, procedure: path, userId: ctx?.user?.id, address: ctx?.clientAddress }, `${path} failed`);
      }
      const shape = getTRPCErrorShape({ config: appRouter._def._config, error, type: 'subscription', path, input, ctx });
      res.write(`event: serialized-error\ndata: ${JSON.stringify(shape)}\n\n\n`);
    }
  } finally {
    unwatch?.();
    clearInterval(ping);
    if (counted !== null) {
      const left = (streams.get(counted) ?? 1) - 1;
      if (left <= 0) streams.delete(counted);
      else streams.set(counted, left);
    }
    res.end();
  }
}
