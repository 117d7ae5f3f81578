import { CrmMappingInputSchema, CrmMappingKeySchema, CrmMappingListInputSchema } from '@handoff/shared';
import { authorize } from '../access.js';
import { actorOf } from '../store/admin.js';
import { procedureFor, router } from '../trpc.js';

/** Helpdesk mappings shared per team: a lead teaches a site once, the team's extensions read it. */
const mappingsRouter = router({
  /** One team's mappings, or without `team` those of all the caller's teams (what the extension fetches). */
  list: procedureFor('crmMapping.read')
    .input(CrmMappingListInputSchema)
    .query(async ({ ctx, input }) => {
      if (input.team === undefined) return ctx.crmMappings.list(ctx.user.teams);
      authorize(ctx, 'crmMapping.read', input.team);
      await ctx.store.requireTeam(input.team);
      return ctx.crmMappings.list([input.team]);
    }),
  /** Shares a taught site with a team, replacing what the team had for that site. */
  upsert: procedureFor('crmMapping.manage')
    .input(CrmMappingInputSchema)
    .mutation(({ ctx, input }) => {
      authorize(ctx, 'crmMapping.manage', input.team);
      return ctx.crmMappings.upsert(input, actorOf(ctx.user));
    }),
  delete: procedureFor('crmMapping.manage')
    .input(CrmMappingKeySchema)
    .mutation(async ({ ctx, input }) => {
      authorize(ctx, 'crmMapping.manage', input.team);
      await ctx.crmMappings.delete(input.team, input.origin, actorOf(ctx.user));
      return { deleted: input };
    }),
});

export const crmRouter = router({ mappings: mappingsRouter });
