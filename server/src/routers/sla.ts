import { ByRefInputSchema, CalendarInputSchema, CustomerPlanInputSchema, PlanInputSchema, PolicyInputSchema } from '@handoff/shared';
import { authorize } from '../access.js';
import { factsOfRow } from '../store/mapping.js';
import { procedureFor, router } from '../trpc.js';

/** Service levels: calendars, plans, customers' plans and policies (leads and admins shape them; everyone reads them). */
export const slaRouter = router({
  calendars: router({
    list: procedureFor('sla.read').query(({ ctx }) => ctx.sla.config.listCalendars()),
    upsert: procedureFor('sla.manage')
      .input(CalendarInputSchema)
      .mutation(({ ctx, input }) => ctx.sla.config.upsertCalendar(input)),
  }),
  plans: router({
    list: procedureFor('sla.read').query(({ ctx }) => ctx.sla.config.listPlans()),
    upsert: procedureFor('sla.manage')
      .input(PlanInputSchema)
      .mutation(({ ctx, input }) => ctx.sla.config.upsertPlan(input)),
  }),
  customers: router({
    list: procedureFor('sla.read').query(({ ctx }) => ctx.sla.config.listCustomerPlans()),
    /** Puts a customer organisation (as captured on incidents: customer.org) on a plan. */
    setPlan: procedureFor('sla.manage')
      .input(CustomerPlanInputSchema)
      .mutation(({ ctx, input }) => ctx.sla.config.setCustomerPlan(input)),
  }),
  policies: router({
    list: procedureFor('sla.read').query(({ ctx }) => ctx.sla.config.listPolicies()),
    /**
     * Creates or changes a policy and, in the same transaction, recomputes the due times of the
     * open incidents of its severity (each that moved records it on its timeline).
     */
    upsert: procedureFor('sla.manage')
      .input(PolicyInputSchema)
      .mutation(({ ctx, input }) =>
        ctx.store.write(async (trx) => {
          await ctx.sla.config.checkPolicy(trx, input);
          await ctx.sla.config.writePolicy(trx, input);
          const recomputed = await ctx.sla.timers.recomputeOpen(trx, ctx.incidents, input.severity, input.name);
          return { policy: input, recomputed };
        }),
      ),
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
