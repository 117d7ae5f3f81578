import { tracked } from '@trpc/server';
import { type EventFilter, type IncidentEvent, type User, EventFilterSchema } from '@handoff/shared';
import { toEvent } from '../store/mapping.js';
import type { TimelineRow } from '../store/schema.js';
import { procedureFor, router } from '../trpc.js';
import type { Context } from '../context.js';
import { refToId } from './refs.js';

const CATCH_UP_PAGE = 500;

/**
 * Agents and reviewers get the events of incidents they reported, own or whose team they are in
 * (customer details stay within the team); developers, leads and admins get all. Anyone may
 * follow one reference they ask for, as they may open it.
 */
export function visible(user: User, row: TimelineRow, filter: EventFilter, refId: number | null): boolean {
  if (refId !== null && row.incident_id !== refId) return false;
  if (filter.team !== undefined && row.team !== filter.team) return false;
  if (filter.mine && row.owner_id !== user.id && row.reporter_id !== user.id) return false;
  if (refId !== null || user.role === 'developer' || user.role === 'lead' || user.role === 'admin') return true;
  return row.reporter_id === user.id || row.owner_id === user.id || (row.team !== null && user.teams.includes(row.team));
}

async function* changes(ctx: Context & { user: User }, filter: EventFilter, signal: AbortSignal | undefined) {
  const refId = filter.ref ? refToId(ctx.incidents, filter.ref) : null;
  const queue: TimelineRow[] = [];
  let wake: (() => void) | null = null;
  // Subscribe before reading the backlog, so nothing committed in between is missed.
  const unsubscribe = ctx.hub.subscribe((rows) => {
    for (const r of rows) if (visible(ctx.user, r, filter, refId)) queue.push(r);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  const toTracked = async (rows: TimelineRow[]) => {
    const users = await ctx.store.userRefs(rows.flatMap((r) => [r.actor_id, r.reporter_id, ...(r.owner_id ? [r.owner_id] : [])]));
    return rows.map((r) => tracked(String(r.id), toEvent(r, users, ctx.incidents.prefix) as IncidentEvent));
  };
  try {
    let cursor = filter.lastEventId ? Number(filter.lastEventId) : ctx.hub.position;
    if (filter.lastEventId) {
      // Catch up from the store: every event after the client's last one, in order.
      for (;;) {
        const page = await ctx.incidents.eventsAfter(cursor, CATCH_UP_PAGE);
        const last = page[page.length - 1];
        if (!last) break;
        cursor = last.id;
        for (const ev of await toTracked(page.filter((r) => visible(ctx.user, r, filter, refId)))) yield ev;
        if (page.length < CATCH_UP_PAGE) break;
      }
    }
    while (!signal?.aborted) {
      const fresh = queue.splice(0).filter((r) => r.id > cursor);
      if (fresh.length > 0) {
        cursor = fresh[fresh.length - 1]!.id;
        for (const ev of await toTracked(fresh)) yield ev;
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener('abort', onAbort);
  }
}

export const eventsRouter = router({
  onChange: procedureFor()
    .input(EventFilterSchema)
    .subscription(({ ctx, input, signal }) => changes(ctx, input, signal)),
});
