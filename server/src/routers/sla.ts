import {
  ByRefInputSchema,
  CalendarInputSchema,
  CustomerPlanInputSchema,
  CustomerPlanRemoveInputSchema,
  PlanInputSchema,
  PolicyInputSchema,
} from '@handoff/shared';
import { authorize } from '../access.js';
import { actorOf, recordAudit } from '../store/admin.js';
import { factsOfRow } from '../store/mapping.js';
import { procedureFor, router } from '../trpc.js';

/** Service levels: calendars, plans, customers' plans and policies (leads and admins shape them; everyone reads them). */
export const slaRouter = router({
  calendars: router({
    list: procedureFor('sla.read').query(({ ctx }) => ctx.sla.config.listCalendars()),
    upsert: procedureFor('sla.manage')
      .input(CalendarInputSchema)
      .mutation(async ({ ctx, input }) => {
        const before = (await ctx.sla.config.listCalendars()).find((c) => c.id === input.id) ?? null;
        return ctx.store.write(async (trx) => {
          const saved = await ctx.sla.config.upsertCalendar(input, trx);
          await recordAudit(trx, actorOf(ctx.user), 'sla.calendar.upsert', `calendar ${input.id}`, before, saved);
          return saved;
        });
      }),
  }),
  plans: router({
    list: procedureFor('sla.read').query(({ ctx }) => ctx.sla.config.listPlans()),
    upsert: procedureFor('sla.manage')
      .input(PlanInputSchema)
      .mutation(async ({ ctx, input }) => {
        const before = (await ctx.sla.config.listPlans()).find((p) => p.id === input.id) ?? null;
        return ctx.store.write(async (trx) => {
          const saved = await ctx.sla.config.upsertPlan(input, trx);
          await recordAudit(trx, actorOf(ctx.user), 'sla.plan.upsert', `plan ${input.id}`, before, saved);
          return saved;
        });
      }),
  }),
  customers: router({
    list: procedureFor('sla.read').query(({ ctx }) => ctx.sla.config.listCustomerPlans()),
    /** Puts a customer organisation (as captured on incidents: customer.org) on a plan; its open incidents get the due times of that plan's policies. */
    setPlan: procedureFor('sla.manage')
      .input(CustomerPlanInputSchema)
      .mutation(async ({ ctx, input }) => {
        const before = (await ctx.sla.config.listCustomerPlans()).find((c) => c.org === input.org) ?? null;
        return ctx.store.write(async (trx) => {
          const saved = await ctx.sla.config.setCustomerPlan(input, trx);
          await recordAudit(trx, actorOf(ctx.user), 'sla.customer.setPlan', `customer ${input.org}`, before, saved);
          const recomputed = await ctx.sla.timers.recomputeForOrg(trx, ctx.incidents, input.org, input.plan);
          return { ...saved, recomputed };
        });
      }),
    /** Takes a customer organisation off its plan: its open incidents follow the policies for customers without a plan again. */
    removePlan: procedureFor('sla.manage')
      .input(CustomerPlanRemoveInputSchema)
      .mutation(({ ctx, input }) =>
        ctx.store.write(async (trx) => {
          const removed = await ctx.sla.config.removeCustomerPlan(input.org, trx);
          await recordAudit(trx, actorOf(ctx.user), 'sla.customer.removePlan', `customer ${input.org}`, removed, null);
          const recomputed = await ctx.sla.timers.recomputeForOrg(trx, ctx.incidents, input.org, null);
          return { ...removed, recomputed };
        }),
      ),
  }),
  policies: router({
    list: procedureFor('sla.read').query(({ ctx }) => ctx.sla.config.listPolicies()),
    /**
     * Creates or changes a policy and, in the same transaction, recomputes the due times of the
     * open incidents of its severity (each that moved records it on its timeline).
     */
    upsert: procedureFor('sla.manage')
      .input(PolicyInputSchema)
      .mutation(async ({ ctx, input }) => {
        const before = (await ctx.sla.config.listPolicies()).find((p) => p.id === input.id) ?? null;
        return ctx.store.write(async (trx) => {
          await ctx.sla.config.checkPolicy(trx, input);
          await ctx.sla.config.writePolicy(trx, input);
          const recomputed = await ctx.sla.timers.recomputeOpen(trx, ctx.incidents, input.severity, input.name);
          await recordAudit(trx, actorOf(ctx.user), 'sla.policy.upsert', `policy ${input.id}`, before, { ...input, recomputed });
          return { policy: input, recomputed };
        });
      }),
  }),
  /** The promise on one incident: each target with its due time and state (null: no policy covers it). */
  ofIncident: procedureFor('incident.read')
    .input(ByRefInputSchema)
    .query(async ({ ctx, input }) => {
      const row = await ctx.incidents.row(ctx.incidents.idOf(input.ref));
      authorize(ctx, 'incident.read', factsOfRow(row));
      return (await ctx.sla.timers.slaOf([row.id])).get(row.id) ?? null;
    }),
});
