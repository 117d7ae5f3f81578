import { CustomerEraseInputSchema, CustomerExportInputSchema, formatRef } from '@handoff/shared';
import { exportArchive } from '../store/customerData/archive.js';
import { procedureFor, router } from '../trpc.js';

/** Customers' data rights: hand over everything held about a customer, or erase it. */
export const customersRouter = router({
  /** A zip (base64) of everything about the customer on the incidents the caller sees in full. */
  export: procedureFor('customer.export')
    .input(CustomerExportInputSchema)
    .mutation(async ({ ctx, input }) => {
      const exported = await ctx.customerData.export(input.email, { user: ctx.user, policy: ctx.policy });
      const incidents = exported.incidentIds.map((id) => formatRef(id, ctx.incidents.prefix));
      const now = new Date();
      return {
        fileName: `customer-export-${now.toISOString().slice(0, 10)}.zip`,
        archiveBase64: Buffer.from(exportArchive(exported, incidents, now)).toString('base64'),
        incidents,
        counts: Object.fromEntries(Object.entries(exported.sections).map(([id, s]) => [id, s.items.length])),
      };
    }),

  /** Replaces the customer's personal data everywhere by "erased customer #N"; safe to repeat. */
  erase: procedureFor('customer.erase')
    .input(CustomerEraseInputSchema)
    .mutation(({ ctx, input }) => ctx.customerData.eraseCustomer(input.email, { kind: 'request', actor: ctx.user, reason: input.reason })),
});
