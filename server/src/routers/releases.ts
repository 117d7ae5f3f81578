import {
  can,
  ReleaseCreateInputSchema,
  ReleaseEventFilterSchema,
  ReleaseFeedbackInputSchema,
  ReleaseListInputSchema,
  ReleaseRefInputSchema,
  type ReleaseEvent,
} from '@handoff/shared';
import { tracked } from '@trpc/server';
import { authorize } from '../access.js';
import { follow } from '../events/follow.js';
import { procedureFor, router } from '../trpc.js';

export const releasesRouter = router({
  create: procedureFor('release.create')
    .input(ReleaseCreateInputSchema)
    .mutation(({ ctx, input }) => ctx.releases.create(input, ctx.user.id)),
  /** The releases the caller may see: all for staff but agents, who see those fixing their incidents. */
  list: procedureFor('release.read')
    .input(ReleaseListInputSchema)
    .query(async ({ ctx, input }) =>
      (await ctx.releases.list(input.status)).filter((r) => can(ctx.user, 'release.read', r.facts, ctx.policy)).map((r) => r.release),
    ),
  byVersion: procedureFor('release.read')
    .input(ReleaseRefInputSchema)
    .query(async ({ ctx, input }) => {
      const { release, facts } = await ctx.releases.get(input.version);
      authorize(ctx, 'release.read', facts);
      return release;
    }),
  feedback: procedureFor('release.feedback')
    .input(ReleaseFeedbackInputSchema)
    .mutation(({ ctx, input }) => ctx.releases.feedback(input, ctx.user.id)),
  ship: procedureFor('release.ship')
    .input(ReleaseRefInputSchema)
    .mutation(({ ctx, input }) => ctx.releases.ship(input.version, ctx.user.id)),
  /** Live release changes, of the releases the subscriber may see. */
  onChange: procedureFor('release.read')
    .input(ReleaseEventFilterSchema.prefault({}))
    .subscription(({ ctx, input, signal }) =>
      follow({
        hub: ctx.releaseHub,
        source: ctx.releases,
        lastEventId: input.lastEventId,
        signal,
        keep: () => true,
        present: async (rows) => {
          const facts = can(ctx.user, 'release.read', { fixes: [] }, ctx.policy)
            ? null
            : await ctx.releases.factsFor([...new Set(rows.map((r) => r.release_id))]);
          const visible = facts ? rows.filter((r) => can(ctx.user, 'release.read', facts.get(r.release_id)!, ctx.policy)) : rows;
          const users = await ctx.store.userRefs(visible.map((r) => r.actor_id));
          return visible.map((r) =>
            tracked(String(r.id), {
              id: String(r.id),
              version: r.version,
              kind: r.kind as ReleaseEvent['kind'],
              text: r.text,
              actor: users.get(r.actor_id)!,
              at: r.at,
            }),
          );
        },
      }),
    ),
});
