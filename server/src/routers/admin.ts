import { AddUserInputSchema, RoutingRuleInputSchema, RoutingSuggestInputSchema, TeamSchema, TemplateInputSchema } from '@handoff/shared';
import { z } from 'zod';
import { notFound } from '../store/errors.js';
import { procedureFor, router } from '../trpc.js';

const anyone = procedureFor();
const managers = procedureFor('lead', 'admin');

export const authRouter = router({
  whoami: anyone.query(({ ctx }) => ctx.user),
});

export const usersRouter = router({
  list: anyone.query(({ ctx }) => ctx.store.listUsers()),
  /** Returns the new user's token; it is shown once and stored only as a hash. */
  add: procedureFor('admin')
    .input(AddUserInputSchema)
    .mutation(async ({ ctx, input }) => {
      for (const team of input.teams) await ctx.store.requireTeam(team);
      return ctx.store.addUser(input);
    }),
});

export const templatesRouter = router({
  list: anyone.query(({ ctx }) => ctx.store.listTemplates()),
  upsert: managers.input(TemplateInputSchema).mutation(({ ctx, input }) => ctx.store.upsertTemplate(input)),
});

export const teamsRouter = router({
  list: anyone.query(({ ctx }) => ctx.store.listTeams()),
  upsert: managers.input(TeamSchema).mutation(({ ctx, input }) => ctx.store.upsertTeam(input)),
});

export const routingRouter = router({
  list: anyone.query(({ ctx }) => ctx.store.listRoutingRules()),
  add: managers.input(RoutingRuleInputSchema).mutation(({ ctx, input }) => ctx.store.addRoutingRule(input)),
  remove: managers.input(z.object({ id: z.number().int() })).mutation(async ({ ctx, input }) => {
    if (!(await ctx.store.deleteRoutingRule(input.id))) throw notFound(`Routing rule ${input.id}`);
    return { removed: input.id };
  }),
  suggest: anyone
    .input(RoutingSuggestInputSchema)
    .query(async ({ ctx, input }) => ({ team: await ctx.store.suggestTeam(input.category, input.component) })),
});

export const catalogRouter = router({
  products: anyone.query(({ ctx }) => ctx.catalog.get()),
});
