import { tracked } from '@trpc/server';
import { type EventFilter, type IncidentEvent, type User, EventFilterSchema } from '@handoff/shared';
import type { Context } from '../context.js';
import { follow } from '../events/follow.js';
import { toEvent } from '../store/mapping.js';
import type { TimelineRow } from '../store/schema.js';
import { procedureFor, router } from '../trpc.js';

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

/**
 * The hub hands the same row objects to every subscriber, so each row is turned into an event
 * once and shared: with 1,000 subscribers, one user lookup and one mapping per change.
 */
const presented = new WeakMap<TimelineRow, IncidentEvent>();

async function present(ctx: Context, rows: TimelineRow[]): Promise<IncidentEvent[]> {
  const fresh = rows.filter((r) => !presented.has(r));
  if (fresh.length > 0) {
    const users = await ctx.store.userRefs(fresh.flatMap((r) => [r.actor_id, r.reporter_id, ...(r.owner_id ? [r.owner_id] : [])]));
    for (const r of fresh) presented.set(r, toEvent(r, users, ctx.incidents.prefix));
  }
  return rows.map((r) => presented.get(r)!);
}

export const eventsRouter = router({
  onChange: procedureFor()
    .input(EventFilterSchema)
    .subscription(async ({ ctx, input, signal }) => {
      const refId = input.ref ? ctx.incidents.idOf(input.ref) : null;
      if (refId !== null) await ctx.incidents.row(refId); // NOT_FOUND names an unknown reference
      return follow({
        hub: ctx.hub,
        source: ctx.incidents,
        lastEventId: input.lastEventId,
        signal,
        keep: (row) => visible(ctx.user, row, input, refId),
        present: async (rows) => (await present(ctx, rows)).map((e) => tracked(e.id, e)),
      });
    }),
});
