import type http from 'node:http';
import type { Services } from '../../context.js';
import { follow, SubscriberTooSlowError } from '../../events/follow.js';
import { send } from '../../events/sseFastPath.js';
import type { HttpLimits } from '../../http/limits.js';
import { log } from '../../log.js';
import { CUSTOMER_ACTOR_ID, EventIdSchema, StatusSchema } from '@handoff/shared';
import type { OpenShare } from '../../store/shares.js';
import { openLink } from './links.js';
import type { Translator } from './i18n.js';
import { customerEntry, mayShow } from './pageModel.js';
import { entryParts } from './render.js';

const PING_MS = 15_000;

/**
 * The page's live stream (plain SSE for the browser's EventSource): the incident's entries the
 * customer may see, each as the parts of its history line (text, never markup) and the status words.
 * Resumes after `Last-Event-ID`; ends when the link is revoked or expires.
 */
export async function streamCustomerEvents(
  services: Services,
  limits: HttpLimits,
  token: string,
  open: OpenShare,
  t: Translator,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  lastEventIdParam: string | null,
  headers: Record<string, string>,
): Promise<void> {
  const abort = new AbortController();
  req.on('close', () => abort.abort());
  const header = req.headers['last-event-id'];
  const lastRaw = typeof header === 'string' && header ? header : lastEventIdParam;
  const last = lastRaw && EventIdSchema.safeParse(lastRaw).success ? lastRaw : null;
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream',
    'cache-control': 'no-store, no-transform',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n\n');
  const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
  const incidentId = open.incident.id;
  try {
    const events = follow({
      hub: services.hub,
      source: services.incidents,
      lastEventId: last,
      signal: abort.signal,
      keep: (row) => row.incident_id === incidentId && mayShow(row),
      present: async (rows) => {
        // Each batch re-checks the link: a revoked or expired one gets nothing more.
        if (!(await openLink(services, token))) throw new LinkClosed();
        const users = await services.store.userRefs(rows.map((r) => r.actor_id).filter((id) => id !== CUSTOMER_ACTOR_ID));
        return rows.flatMap((row) => {
          const entry = customerEntry(row, (id) => users.get(id)?.name ?? '');
          if (!entry) return [];
          const status = StatusSchema.parse(row.status);
          const image = entry.imageId === null ? null : { src: `/c/${token}/images/${entry.imageId}`, alt: t.t('imageAlt') };
          const payload = { ...entryParts(entry, t), status, statusText: t.status(status), image };
          return [{ id: String(row.id), payload }];
        });
      },
    });
    for await (const e of events) {
      await send(res, `id: ${e.id}\ndata: ${JSON.stringify(e.payload)}\n\n`, limits);
    }
  } catch (err) {
    if (err instanceof LinkClosed) res.write('event: closed\ndata: {}\n\n');
    else if (SubscriberTooSlowError.is(err)) res.destroy();
    else if (!abort.signal.aborted) log.warn({ error: (err as Error).message, path: '/c/…/events' }, 'customer page stream failed');
  } finally {
    clearInterval(ping);
    res.end();
  }
}

class LinkClosed extends Error {}
