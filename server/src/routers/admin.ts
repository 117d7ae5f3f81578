import {
  AddUserInputSchema,
  RoutingRemoveInputSchema,
  RoutingRuleInputSchema,
  RoutingSuggestInputSchema,
  SetStaffMailSettingsInputSchema,
  StaffMailSettingsInputSchema,
  TeamSchema,
  TemplateHistoryInputSchema,
  TemplateInputSchema,
  TemplateStatsInputSchema,
  TemplateVersionInputSchema,
} from '@handoff/shared';
import { authorize } from '../access.js';
import { actorOf, recordAudit } from '../store/admin.js';
import { notFound } from '../store/errors.js';
import { questionStats } from '../store/questionStats.js';
import { accountProcedures } from './accounts.js';
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
      return ctx.admin.addUser(input, actorOf(ctx.user));
    }),
  /** One's own mail settings; anyone's for admins (`user.manage`). */
  mailSettings: procedureFor('mail.own')
    .input(StaffMailSettingsInputSchema.prefault({}))
    .query(({ ctx, input }) => {
      const userId = input.userId ?? ctx.user.id;
      if (userId !== ctx.user.id) authorize(ctx, 'user.manage');
      return ctx.mail.staff.settings(userId);
    }),
  /** Opt in to (or out of) mail about one's incidents; an admin's change to someone else's is audited. */
  setMailSettings: procedureFor('mail.own')
    .input(SetStaffMailSettingsInputSchema)
    .mutation(({ ctx, input }) => {
      const { userId = ctx.user.id, ...settings } = input;
      if (userId !== ctx.user.id) authorize(ctx, 'user.manage');
      return ctx.mail.staff.set(userId, settings, actorOf(ctx.user));
    }),
  ...accountProcedures,
});

export const templatesRouter = router({
  list: procedureFor('template.read').query(({ ctx }) => ctx.store.listTemplates()),
  upsert: procedureFor('template.manage')
    .input(TemplateInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.store.write(async (trx) => {
        const before = await ctx.store.latestTemplate(input.category, trx);
        const saved = await ctx.store.upsertTemplate(input, trx, ctx.user.name);
        await recordAudit(trx, actorOf(ctx.user), 'template.save', `template ${input.category}`, before, saved);
        return saved;
      }),
    ),
  /** The questions as they were in one version: what an incident captured with it was asked. */
  version: procedureFor('template.read')
    .input(TemplateVersionInputSchema)
    .query(async ({ ctx, input }) => {
      const template = await ctx.store.templateVersion(input.category, input.version);
      if (!template) throw notFound(`Version ${input.version} of the "${input.category}" questions`);
      return template;
    }),
  /**
   * Which questions earn their place: how often each is asked and answered, how often developers
   * asked L1 for the same information anyway, and the questions developers keep asking that the
   * list lacks (suggestions for the editor).
   */
  stats: procedureFor('template.manage')
    .input(TemplateStatsInputSchema)
    .query(async ({ ctx, input }) => {
      const stats = await questionStats(ctx.store, input.category, (id) => ctx.incidents.ref(id), input.since);
      if (!stats) throw notFound(`Category "${input.category}"`);
      return stats;
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
      const before = (await ctx.store.listTeams()).find((t) => t.id === input.id) ?? null;
      if (before) authorize(ctx, 'team.rename', input.id);
      else authorize(ctx, 'team.create');
      return ctx.store.write(async (trx) => {
        const saved = await ctx.store.upsertTeam(input, trx);
        await recordAudit(trx, actorOf(ctx.user), 'team.upsert', `team ${input.id}`, before, saved);
        return saved;
      });
    }),
});

export const routingRouter = router({
  list: procedureFor('routing.read').query(({ ctx }) => ctx.store.listRoutingRules()),
  add: procedureFor('routing.manage')
    .input(RoutingRuleInputSchema)
    .mutation(async ({ ctx, input }) => {
      authorize(ctx, 'routing.manage', input.team);
      await ctx.store.requireTeam(input.team);
      return ctx.store.write(async (trx) => {
        const rule = await ctx.store.addRoutingRule(input, trx);
        await recordAudit(trx, actorOf(ctx.user), 'routing.add', `routing rule ${rule.id}`, null, rule);
        return rule;
      });
    }),
  remove: procedureFor('routing.manage')
    .input(RoutingRemoveInputSchema)
    .mutation(async ({ ctx, input }) => {
      const rule = (await ctx.store.listRoutingRules()).find((r) => r.id === input.id);
      if (!rule) throw notFound(`Routing rule ${input.id}`);
      authorize(ctx, 'routing.manage', rule.team);
      await ctx.store.write(async (trx) => {
        await ctx.store.deleteRoutingRule(input.id, trx);
        await recordAudit(trx, actorOf(ctx.user), 'routing.remove', `routing rule ${input.id}`, rule, null);
      });
      return { removed: input.id };
    }),
  suggest: procedureFor('routing.read')
    .input(RoutingSuggestInputSchema)
    .query(async ({ ctx, input }) => ({ team: await ctx.store.suggestTeam(input.category, input.component) })),
});

export const catalogRouter = router({
  products: procedureFor('catalog.read').query(({ ctx }) => ctx.catalog.get()),
});
