import {
  AddUserInputSchema,
  RoutingRemoveInputSchema,
  RoutingRuleInputSchema,
  RoutingSuggestInputSchema,
  TeamSchema,
  TemplateHistoryInputSchema,
  TemplateInputSchema,
  TemplateVersionInputSchema,
} from '@handoff/shared';
import { authorize } from '../access.js';
import { notFound } from '../store/errors.js';
import { procedureFor, router } from '../trpc.js';

export const authRouter = router({
  /** The signed-in user and the server's visibility setting (clients decide what to offer from both). */
  whoami: procedureFor('user.list').query(({ ctx }) => ({ ...ctx.user, visibility: ctx.policy.visibility })),
});

export const usersRouter = router({
  list: procedureFor('user.list').query(({ ctx }) => ctx.store.listUsers()),
  /** Returns the new user's token; it is shown once and stored only as a hash. */
  add: procedureFor('user.add')
    .input(AddUserInputSchema)
    .mutation(async ({ ctx, input }) => {
      for (const team of input.teams) await ctx.store.requireTeam(team, 'teams');
      return ctx.store.addUser(input);
    }),
});

export const templatesRouter = router({
  list: procedureFor('template.read').query(({ ctx }) => ctx.store.listTemplates()),
  upsert: procedureFor('template.manage')
    .input(TemplateInputSchema)
    .mutation(({ ctx, input }) => ctx.store.upsertTemplate(input)),
  /** The questions as they were in one version: what an incident captured with it was asked. */
  version: procedureFor('template.read')
    .input(TemplateVersionInputSchema)
    .query(async ({ ctx, input }) => {
      const template = await ctx.store.templateVersion(input.category, input.version);
      if (!template) throw notFound(`Version ${input.version} of the "${input.category}" questions`);
      return template;
    }),
  /** Every saved version of a category's questions, newest first. */
  history: procedureFor('template.read')
    .input(TemplateHistoryInputSchema)
    .query(async ({ ctx, input }) => {
      const versions = await ctx.store.templateHistory(input.category);
      if (versions.length === 0) throw notFound(`Category "${input.category}"`);
      return versions;
    }),
});

export const teamsRouter = router({
  list: procedureFor('team.list').query(({ ctx }) => ctx.store.listTeams()),
  /** Creates a team (admins) or renames one (admins, and leads of that team). */
  upsert: procedureFor('team.rename')
    .input(TeamSchema)
    .mutation(async ({ ctx, input }) => {
      const exists = (await ctx.store.listTeams()).some((t) => t.id === input.id);
      if (exists) authorize(ctx, 'team.rename', input.id);
      else authorize(ctx, 'team.create');
      return ctx.store.upsertTeam(input);
    }),
});

export const routingRouter = router({
  list: procedureFor('routing.read').query(({ ctx }) => ctx.store.listRoutingRules()),
  add: procedureFor('routing.manage')
    .input(RoutingRuleInputSchema)
    .mutation(({ ctx, input }) => {
      authorize(ctx, 'routing.manage', input.team);
      return ctx.store.addRoutingRule(input);
    }),
  remove: procedureFor('routing.manage')
    .input(RoutingRemoveInputSchema)
    .mutation(async ({ ctx, input }) => {
      const rule = (await ctx.store.listRoutingRules()).find((r) => r.id === input.id);
      if (!rule) throw notFound(`Routing rule ${input.id}`);
      authorize(ctx, 'routing.manage', rule.team);
      await ctx.store.deleteRoutingRule(input.id);
      return { removed: input.id };
    }),
  suggest: procedureFor('routing.read')
    .input(RoutingSuggestInputSchema)
    .query(async ({ ctx, input }) => ({ team: await ctx.store.suggestTeam(input.category, input.component) })),
});

export const catalogRouter = router({
  products: procedureFor('catalog.read').query(({ ctx }) => ctx.catalog.get()),
});
