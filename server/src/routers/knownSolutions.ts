import {
  PublishSolutionInputSchema,
  RecordSolutionInputSchema,
  ResolveWithKnownInputSchema,
  SimilarSolutionsInputSchema,
} from '@handoff/shared';
import { authorize } from '../access.js';
import { badRequest } from '../store/errors.js';
import { KnownSolutionStore } from '../store/knownSolutions.js';
import { factsOfRow } from '../store/mapping.js';
import { searchIncidentIds } from '../store/search.js';
import { procedureFor, router } from '../trpc.js';
import { linkAsDuplicate, rootOf } from './duplicates.js';

/** Statuses after which the fix is confirmed: a solution may be recorded then. */
const SOLVED = ['verified', 'closed'];

export const knownSolutionsRouter = router({
  /**
   * Records how the problem of a verified or closed incident was solved, and optionally what to
   * tell customers; both attach to its problem group (the original of its duplicates).
   */
  record: procedureFor('incident.recordSolution')
    .input(RecordSolutionInputSchema)
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.incidents.row(ctx.incidents.idOf(input.ref));
      authorize(ctx, 'incident.recordSolution', factsOfRow(row));
      if (!SOLVED.includes(row.status)) {
        throw badRequest(`ref: ${ctx.incidents.ref(row.id)} is ${row.status}; record its solution once it is verified or closed.`);
      }
      const root = await rootOf(ctx, row);
      const solutions = new KnownSolutionStore(ctx.store, ctx.incidents.prefix);
      await solutions.record(root.id, input, ctx.user.id);
      return (await solutions.ofGroups([root.id]))[0]!;
    }),

  /** Puts the customer answer of `ref`'s group on the product's public known-issues page, or takes it off (leads). */
  publish: procedureFor('knownSolution.publish')
    .input(PublishSolutionInputSchema)
    .mutation(async ({ ctx, input }) => {
      const root = await rootOf(ctx, await ctx.incidents.row(ctx.incidents.idOf(input.ref)));
      const solutions = new KnownSolutionStore(ctx.store, ctx.incidents.prefix);
      const [known] = await solutions.ofGroups([root.id]);
      if (!known) throw badRequest(`ref: ${ctx.incidents.ref(root.id)} has no known solution yet; record one first.`);
      if (input.published && !known.customerAnswer) {
        throw badRequest(`ref: ${known.group} has no answer for customers; record one (customerAnswer) before publishing.`);
      }
      await solutions.publish(root.id, input.published);
      return (await solutions.ofGroups([root.id]))[0]!;
    }),

  /** Known solutions of the problems most like `text` (what an agent is capturing), best match first. */
  similar: procedureFor('knownSolution.read')
    .input(SimilarSolutionsInputSchema)
    .query(async ({ ctx, input }) => {
      const ids = await searchIncidentIds(ctx.store.db, ctx.store.engine, input.text, 50);
      if (ids.length === 0) return [];
      const rows = await ctx.store.db.selectFrom('incidents').select(['id', 'duplicate_of']).where('id', 'in', ids).execute();
      const groupOf = new Map(rows.map((r) => [r.id, r.duplicate_of ?? r.id]));
      const groups = [...new Set(ids.flatMap((id) => (groupOf.has(id) ? [groupOf.get(id)!] : [])))];
      const found = await new KnownSolutionStore(ctx.store, ctx.incidents.prefix).ofGroups(groups);
      return found.slice(0, input.limit);
    }),

  /**
   * Captures an incident and resolves it at L1 with the known solution of `group`: it is linked
   * to the group as a duplicate (its customer counts there) and counted as an escalation avoided,
   * instead of going to developers — all in the transaction that creates it. Idempotent by the
   * capture's key.
   */
  resolve: procedureFor('incident.resolveKnown')
    .input(ResolveWithKnownInputSchema)
    .mutation(async ({ ctx, input }) => {
      const { group, ...capture } = input;
      const named = await ctx.incidents.row(ctx.incidents.idOf(group, 'group'));
      const root = await rootOf(ctx, named);
      authorize(ctx, 'incident.resolveKnown', factsOfRow(root));
      const solutions = new KnownSolutionStore(ctx.store, ctx.incidents.prefix);
      const [known] = await solutions.ofGroups([root.id]);
      if (!known) throw badRequest(`group: ${ctx.incidents.ref(root.id)} has no known solution yet; capture the incident instead.`);
      // Created and resolved in one transaction: developers never see it as open work, and a
      // failure leaves neither an unresolved incident nor a half-counted use.
      const created = await ctx.incidents.create(capture, ctx.user, {
        createdNote: ` and resolved at L1 with the known solution of ${known.group}`,
        within: async (trx, row) => {
          let current = row;
          const changes = await linkAsDuplicate(ctx, trx, row, root.id, known.group);
          for (const change of [
            ...changes,
            {
              kind: 'comment' as const,
              text: `Resolved at L1 with the known solution of ${known.group}: no escalation needed.`,
              data: { knownSolution: known.group },
            },
          ]) {
            current = (await ctx.incidents.applyChange(trx, current, ctx.user.id, change)).row;
          }
          await solutions.noteUse(trx, row.id, root.id, ctx.user.id);
        },
      });
      return { reference: created.reference, solution: (await solutions.ofGroups([root.id]))[0]! };
    }),
});
