import {
  AuditListInputSchema,
  IssueTokenInputSchema,
  TokenIdInputSchema,
  TokenListInputSchema,
  UpdateUserInputSchema,
  UserIdInputSchema,
} from '@handoff/shared';
import { authorize } from '../access.js';
import { actorOf } from '../store/admin.js';
import type { Context } from '../context.js';
import { procedureFor, router } from '../trpc.js';

/** Your own tokens you may manage yourself; anyone else's only with `token.manage` (admins). */
function authorizeTokenOwner(ctx: Context & { user: NonNullable<Context['user']> }, userId: number): void {
  if (userId !== ctx.user.id) authorize(ctx, 'token.manage');
}

/** Accounts of staff: role, teams, (de)activation. */
export const accountProcedures = {
  /** Every account, active or not, with how many working tokens each has. */
  accounts: procedureFor('user.manage').query(({ ctx }) => ctx.admin.listAccounts()),
  update: procedureFor('user.manage')
    .input(UpdateUserInputSchema)
    .mutation(async ({ ctx, input }) => {
      for (const team of input.teams ?? []) await ctx.store.requireTeam(team, 'teams');
      return ctx.admin.updateUser(input, actorOf(ctx.user));
    }),
  /** None of the account's tokens works any more, on new requests and open live streams alike. */
  deactivate: procedureFor('user.manage')
    .input(UserIdInputSchema)
    .mutation(({ ctx, input }) => ctx.admin.setActive(input.id, false, actorOf(ctx.user))),
  reactivate: procedureFor('user.manage')
    .input(UserIdInputSchema)
    .mutation(({ ctx, input }) => ctx.admin.setActive(input.id, true, actorOf(ctx.user))),
};

export const tokensRouter = router({
  list: procedureFor('token.own')
    .input(TokenListInputSchema)
    .query(({ ctx, input }) => {
      const userId = input.userId ?? ctx.user.id;
      authorizeTokenOwner(ctx, userId);
      return ctx.admin.listTokens(userId, input.includeRevoked);
    }),
  /** A new token; its secret is in this answer only. */
  issue: procedureFor('token.own')
    .input(IssueTokenInputSchema)
    .mutation(({ ctx, input }) => {
      const userId = input.userId ?? ctx.user.id;
      authorizeTokenOwner(ctx, userId);
      return ctx.admin.issueToken(userId, input.label, actorOf(ctx.user));
    }),
  /** Stops the token at once: the next request with it is a 401, and open live streams end. */
  revoke: procedureFor('token.own')
    .input(TokenIdInputSchema)
    .mutation(async ({ ctx, input }) => {
      authorizeTokenOwner(ctx, (await ctx.admin.token(input.id)).user.id);
      return ctx.admin.revokeToken(input.id, actorOf(ctx.user));
    }),
  /** A new secret for the same purpose; the old one stops working at once. */
  rotate: procedureFor('token.own')
    .input(TokenIdInputSchema)
    .mutation(async ({ ctx, input }) => {
      authorizeTokenOwner(ctx, (await ctx.admin.token(input.id)).user.id);
      return ctx.admin.rotateToken(input.id, actorOf(ctx.user));
    }),
});

export const auditRouter = router({
  list: procedureFor('audit.read')
    .input(AuditListInputSchema)
    .query(({ ctx, input }) => ctx.admin.listAudit(input)),
});
