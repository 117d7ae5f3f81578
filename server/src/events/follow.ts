import type { EventHub, EventSource } from './hub.js';

const CATCH_UP_PAGE = 500;
/** Live rows held for a subscriber that is not reading; past this it is cut off (it resumes by its last id). */
export const MAX_PENDING_ROWS = 2000;

/** Thrown into a stream whose subscriber fell too far behind; the client reconnects with its last id. */
export class SubscriberTooSlowError extends Error {
  static is(e: unknown): e is SubscriberTooSlowError {
    return e instanceof SubscriberTooSlowError;
  }
}

export interface FollowOptions<Row extends { id: number }, Out> {
  hub: EventHub<Row>;
  source: EventSource<Row>;
  /** The last event id the client saw; without it, only events from now on are sent. */
  lastEventId: string | null | undefined;
  /** A cheap first cut, run as rows arrive (only kept rows are held for the subscriber). */
  keep: (row: Row) => boolean;
  /** Turns kept rows into what is sent (e.g. `tracked(id, event)`), in order; may drop more. */
  present: (rows: Row[]) => Promise<Out[]>;
  signal: AbortSignal | undefined;
}

/**
 * An event stream that misses nothing: it subscribes to the hub first, then reads the backlog
 * after `lastEventId` from the store, then continues with live rows, skipping any it already
 * sent. Ends when `signal` aborts (the client went away); throws SubscriberTooSlowError when
 * more than MAX_PENDING_ROWS wait for a subscriber that does not read, so memory stays bounded.
 */
export async function* follow<Row extends { id: number }, Out>(o: FollowOptions<Row, Out>): AsyncGenerator<Out> {
  const queue: Row[] = [];
  let overflow = false;
  let wake: (() => void) | null = null;
  const unsubscribe = o.hub.subscribe((rows) => {
    for (const r of rows) if (o.keep(r)) queue.push(r);
    if (queue.length > MAX_PENDING_ROWS) {
      overflow = true;
      queue.length = 0;
    }
    wake?.();
  });
  const onAbort = () => wake?.();
  o.signal?.addEventListener('abort', onAbort);
  try {
    // Without a last id the stream starts now: at the store's newest event, not the hub's
    // position, which may lag behind commits it has not read yet.
    let cursor = o.lastEventId ? Number(o.lastEventId) : await o.source.lastEventId();
    if (o.lastEventId) {
      for (;;) {
        const page = await o.source.eventsAfter(cursor, CATCH_UP_PAGE);
        const last = page[page.length - 1];
        if (!last) break;
        cursor = last.id;
        yield* await o.present(page.filter(o.keep));
        if (page.length < CATCH_UP_PAGE) break;
      }
    }
    while (!o.signal?.aborted) {
      if (overflow) throw new SubscriberTooSlowError(`more than ${MAX_PENDING_ROWS} events waited for this subscriber`);
      const fresh = queue.splice(0).filter((r) => r.id > cursor);
      const last = fresh[fresh.length - 1];
      if (last) {
        cursor = last.id;
        yield* await o.present(fresh);
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
  } finally {
    unsubscribe();
    o.signal?.removeEventListener('abort', onAbort);
  }
}
