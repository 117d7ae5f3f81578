import {
  ConfigDifferencesInputSchema,
  InsightFilterSchema,
  insightTeams,
  receivesUpgradeWarning,
  UpgradeWarningFollowInputSchema,
} from '@handoff/shared';
import { tracked } from '@trpc/server';
import { follow } from '../events/follow.js';
import type { Context } from '../context.js';
import { checkTeamFilter, type InsightScope } from '../insights/scope.js';
import { teamsOf, toUpgradeWarningEvent } from '../insights/upgradeWatch.js';
import { procedureFor, router } from '../trpc.js';

type Ctx = Context & { user: NonNullable<Context['user']> };

/** Leads and admins count every team's incidents; everyone else their own teams' (shared permission model). */
function scopeOf(ctx: Ctx, filter: InsightScope['filter']): InsightScope {
  const scope = { filter, teams: insightTeams(ctx.user, ctx.policy), now: new Date() };
  checkTeamFilter(scope);
  return scope;
}

const insight = procedureFor('insights.read').input(InsightFilterSchema.prefault({}));

/** What a support organisation learns from its history; every insight takes the same filters. */
export const insightsRouter = router({
  repeatedProblems: insight.query(({ ctx, input }) => ctx.insights.run('repeatedProblems', scopeOf(ctx, input))),
  customers: insight.query(({ ctx, input }) => ctx.insights.run('customers', scopeOf(ctx, input))),
  volume: insight.query(({ ctx, input }) => ctx.insights.run('volume', scopeOf(ctx, input))),
  upgradeWarnings: insight.query(({ ctx, input }) => ctx.insights.run('upgradeWarnings', scopeOf(ctx, input))),
  workarounds: insight.query(({ ctx, input }) => ctx.insights.run('workarounds', scopeOf(ctx, input))),
  /** Escalation rate, resolving tier, and escalations avoided by known solutions. */
  escalations: insight.query(({ ctx, input }) => ctx.insights.run('escalations', scopeOf(ctx, input))),
  /** Customers' evaluations per team, lowest average first. */
  evaluations: insight.query(({ ctx, input }) => ctx.insights.run('evaluations', scopeOf(ctx, input))),
  /** Environment values over-represented in the problem group `ref` belongs to. */
  configDifferences: procedureFor('insights.read')
    .input(ConfigDifferencesInputSchema)
    .query(async ({ ctx, input }) => {
      const row = await ctx.incidents.row(ctx.incidents.idOf(input.ref));
      const root = row.duplicate_of === null ? row : await ctx.incidents.row(row.duplicate_of);
      return ctx.insights.run('configDifferences', scopeOf(ctx, {}), { id: root.id, product: root.product });
    }),
  /**
   * Upgrade warnings as they are raised (once per version): admins get all, a lead those over
   * their teams' incidents. Resumes after `lastEventId`.
   */
  onUpgradeWarning: procedureFor('insights.warnings')
    .input(UpgradeWarningFollowInputSchema.prefault({}))
    .subscription(({ ctx, input, signal }) =>
      follow({
        hub: ctx.upgrades.hub,
        source: ctx.upgrades.watch,
        lastEventId: input.lastEventId,
        signal,
        keep: (row) => receivesUpgradeWarning(ctx.user, teamsOf(row)),
        present: async (rows) => rows.map((r) => tracked(String(r.id), toUpgradeWarningEvent(r))),
      }),
    ),
  /** The filter values that exist: products, versions, categories and teams the person counts. */
  facets: procedureFor('insights.read').query(async ({ ctx }) => {
    const teams = insightTeams(ctx.user, ctx.policy);
    let q = ctx.store.db.selectFrom('incidents').select(['product', 'version', 'category']).distinct();
    if (teams) q = teams.length ? q.where('team', 'in', [...teams]) : q.where('id', '<', 0);
    const rows = await q.execute();
    const uniq = (xs: string[]) => [...new Set(xs)].sort();
    return {
      products: uniq(rows.map((r) => r.product)),
      versions: uniq(rows.map((r) => r.version)),
      categories: uniq(rows.map((r) => r.category)),
      teams: teams ? [...teams].sort() : (await ctx.store.listTeams()).map((t) => t.id),
    };
  }),
});
