import { tracked } from '@trpc/server';
import {
  ReleaseCreateInputSchema,
  ReleaseEventFilterSchema,
  ReleaseFeedbackInputSchema,
  ReleaseListInputSchema,
  ReleaseRefInputSchema,
} from '@handoff/shared';
import { follow } from '../events/follow.js';
import { procedureFor, router } from '../trpc.js';

const anyone = procedureFor();
const builders = procedureFor('developer', 'lead', 'admin');
/** Release feedback is L1's voice: reviewers and leads give it. */
const reviewers = procedureFor('reviewer', 'lead');

export const releasesRouter = router({
  create: builders.input(ReleaseCreateInputSchema).mutation(({ ctx, input }) => ctx.releases.create(input, ctx.user.id)),
  list: anyone.input(ReleaseListInputSchema).query(({ ctx, input }) => ctx.releases.list(input.status)),
  byVersion: anyone.input(ReleaseRefInputSchema).query(({ ctx, input }) => ctx.releases.get(input.version)),
  feedback: reviewers.input(ReleaseFeedbackInputSchema).mutation(({ ctx, input }) => ctx.releases.feedback(input, ctx.user.id)),
  ship: builders.input(ReleaseRefInputSchema).mutation(({ ctx, input }) => ctx.releases.ship(input.version, ctx.user.id)),
  onChange: anyone.input(ReleaseEventFilterSchema).subscription(({ ctx, input, signal }) =>
    follow({
      hub: ctx.releaseHub,
      source: ctx.releases,
      lastEventId: input.lastEventId,
      signal,
      keep: () => true,
      present: async (rows) => {
        const users = await ctx.store.userRefs(rows.map((r) => r.actor_id));
        return rows.map((r) =>
          tracked(String(r.id), {
            id: String(r.id),
            version: r.version,
            kind: r.kind as 'created' | 'feedback' | 'shipped',
            text: r.text,
            actor: users.get(r.actor_id)!,
            at: r.at,
          }),
        );
      },
    }),
  ),
});
