import { type AccessPolicy, type EventFilter, type IncidentEvent, incidentAccess, type User, EventFilterSchema } from '@handoff/shared';
import { tracked } from '@trpc/server';
import type { Context } from '../context.js';
import { follow } from '../events/follow.js';
import { factsOfEvent, toFullEvent, toSummaryEvent } from '../store/mapping.js';
import type { EventRow } from '../store/schema.js';
import { procedureFor, router } from '../trpc.js';

const addressees = new WeakMap<EventRow, readonly number[]>();

/** The people an event names as the ones to tell (a close-out, a service-level warning): part of "mine". */
function addressedTo(row: EventRow): readonly number[] {
  let ids = addressees.get(row);
  if (!ids) {
    const notify = (JSON.parse(row.data) as { notify?: unknown }).notify;
    ids = Array.isArray(notify) ? notify.filter((n): n is number => typeof n === 'number') : [];
    addressees.set(row, ids);
  }
  return ids;
}

/**
 * Which events a subscriber receives, by the same rules as `incidents.byRef` (on the incident's
 * current team, owner, reporter and participants): without `ref`, the events of incidents they
 * see in full; with `ref`, that incident's, in summary when it is another team's.
 */
export function accessTo(
  user: User,
  policy: AccessPolicy,
  row: EventRow,
  filter: EventFilter,
  refId: number | null,
): 'full' | 'summary' | null {
  if (refId !== null && row.incident_id !== refId) return null;
  if (filter.team !== undefined && row.team !== filter.team) return null;
  if (filter.mine && row.owner_id !== user.id && row.reporter_id !== user.id && !addressedTo(row).includes(user.id)) return null;
  const access = incidentAccess(user, factsOfEvent(row), policy);
  return access === 'full' || refId !== null ? access : null;
}

/**
 * The hub hands the same row objects to every subscriber, so each row is turned into each kind
 * of event once and shared: with 1,000 subscribers, one user lookup and one mapping per change.
 * The mapping in flight is shared too: the hub wakes every subscriber at once, so a cache filled
 * only once the lookup answered would be empty for all of them (1,000 lookups and mappings per
 * change, ~150 MB of garbage for a burst of 20).
 */
const mapped = { full: new WeakMap<EventRow, Promise<IncidentEvent>>(), summary: new WeakMap<EventRow, Promise<IncidentEvent>>() };

async function present(ctx: Context & { user: User }, rows: EventRow[], filter: EventFilter, refId: number | null) {
  const kept = rows.flatMap((row) => {
    const access = accessTo(ctx.user, ctx.policy, row, filter, refId);
    return access ? [{ row, access }] : [];
  });
  const fresh = kept.filter(({ row, access }) => !mapped[access].has(row));
  if (fresh.length > 0) {
    const users = ctx.store.userRefs(fresh.flatMap(({ row: r }) => [r.actor_id, r.reporter_id, ...(r.owner_id ? [r.owner_id] : [])]));
    for (const { row, access } of fresh) {
      const event = users.then((u) => (access === 'full' ? toFullEvent : toSummaryEvent)(row, u, ctx.incidents.prefix));
      mapped[access].set(row, event);
      // A failed lookup is not kept: the next subscriber to ask tries again.
      event.catch(() => mapped[access].delete(row));
    }
  }
  const events = await Promise.all(kept.map(({ row, access }) => mapped[access].get(row)!));
  return events.map((event) => tracked(event.id, event));
}

export const eventsRouter = router({
  onChange: procedureFor('incident.follow')
    .input(EventFilterSchema.prefault({}))
    .subscription(async ({ ctx, input, signal }) => {
      const refId = input.ref ? ctx.incidents.idOf(input.ref) : null;
      if (refId !== null) await ctx.incidents.row(refId); // NOT_FOUND names an unknown reference
      return follow({
        hub: ctx.hub,
        source: ctx.incidents,
        lastEventId: input.lastEventId,
        signal,
        keep: (row) => accessTo(ctx.user, ctx.policy, row, input, refId) !== null,
        present: (rows) => present(ctx, rows, input, refId),
      });
    }),
});
