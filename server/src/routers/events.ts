import { tracked } from '@trpc/server';
import { type EventFilter, type User, EventFilterSchema } from '@handoff/shared';
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
        present: async (rows) => {
          const users = await ctx.store.userRefs(rows.flatMap((r) => [r.actor_id, r.reporter_id, ...(r.owner_id ? [r.owner_id] : [])]));
          return rows.map((r) => tracked(String(r.id), toEvent(r, users, ctx.incidents.prefix)));
        },
      });
    }),
});
