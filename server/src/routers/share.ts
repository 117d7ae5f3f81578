import { ByRefInputSchema, RelayInputSchema, ShareInputSchema, UnshareInputSchema } from '@handoff/shared';
import { authorize } from '../access.js';
import { badRequest, notFound } from '../store/errors.js';
import { factsOfRow } from '../store/mapping.js';
import { procedureFor } from '../trpc.js';

/** The address of a customer's page for a token, under the server's public address. */
export const pageUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, '')}/c/${token}`;

/** Speaking to the customer: links to their page, and relaying a developer's question to them. */
export const shareProcedures = {
  /** A link to the customer's page; its token is shown only in this answer. */
  share: procedureFor('incident.share')
    .input(ShareInputSchema)
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.incidents.row(ctx.incidents.idOf(input.ref));
      authorize(ctx, 'incident.share', factsOfRow(row));
      const { token, share } = await ctx.shares.create(row, input.email ?? null, ctx.user.id);
      return { id: share.id, url: pageUrl(ctx.publicUrl, token), expiresAt: await ctx.shares.expiresAt(row) };
    }),

  unshare: procedureFor('incident.share')
    .input(UnshareInputSchema)
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.incidents.row(ctx.incidents.idOf(input.ref));
      authorize(ctx, 'incident.share', factsOfRow(row));
      await ctx.shares.revoke(row.id, input.id, ctx.user.id);
      return { ok: true as const };
    }),

  /** The incident's links (never their tokens): whether and with whom it is shared. */
  shares: procedureFor('incident.read')
    .input(ByRefInputSchema)
    .query(async ({ ctx, input }) => {
      const row = await ctx.incidents.row(ctx.incidents.idOf(input.ref));
      authorize(ctx, 'incident.read', factsOfRow(row));
      return ctx.shares.list(row);
    }),

  /** Passes a developer's question on to the customer, as a customer-visible entry. */
  relay: procedureFor('incident.share')
    .input(RelayInputSchema)
    .mutation(async ({ ctx, input }) => {
      const id = ctx.incidents.idOf(input.ref);
      return ctx.incidents.change(id, ctx.user.id, async (row, trx) => {
        authorize(ctx, 'incident.share', factsOfRow(row));
        const question = await trx
          .selectFrom('timeline')
          .select(['id', 'kind', 'text'])
          .where('id', '=', input.entryId)
          .where('incident_id', '=', id)
          .executeTakeFirst();
        if (!question) throw notFound(`entryId: timeline entry ${input.entryId} of ${ctx.incidents.ref(id)}`);
        if (question.kind !== 'question') throw badRequest(`entryId: entry ${input.entryId} is a ${question.kind}, not a question.`);
        return [
          {
            kind: 'comment',
            text: input.text || question.text,
            data: { relayedQuestion: question.id },
            visibility: 'customer',
          },
        ];
      });
    }),
};
