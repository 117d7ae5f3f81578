import { procedureFor, router } from '../trpc.js';

/** The signed-in person's Atom feed of changes to the incidents they see in full. */
export const feedsRouter = router({
  /** A new personal feed address (the previous one stops working); shown once. */
  token: procedureFor('feed.read').mutation(async ({ ctx }) => {
    const token = await ctx.feedTokens.issue(ctx.user.id);
    return { url: `${ctx.publicUrl.replace(/\/+$/, '')}/feeds/${token}.atom` };
  }),
});
