import {
  AnswerInputSchema,
  AskInputSchema,
  LinkDuplicateInputSchema,
  RecordBranchInputSchema,
  ReproductionInputSchema,
  StatusSchema,
  TransitionInputSchema,
  checkTransition,
} from '@handoff/shared';
import { badRequest, forbidden } from '../store/errors.js';
import type { Change } from '../store/incidents.js';
import { procedureFor } from '../trpc.js';
import { checkTransitionRules } from './transitionRules.js';

const engineers = procedureFor('developer', 'lead', 'admin');
const writers = procedureFor('agent', 'developer', 'lead', 'admin');

const statusChange = (from: string, to: string, text: string, data: Record<string, unknown> = {}): Change => ({
  set: { status: to },
  kind: 'status_changed',
  text,
  data: { from, to, ...data },
});

/** The hand-overs between L1 and developers: status moves, questions, reproductions, duplicates. */
export const incidentFlowProcedures = {
  transition: writers.input(TransitionInputSchema).mutation(({ ctx, input }) => {
    const id = ctx.incidents.idOf(input.ref);
    return ctx.incidents.change(id, ctx.user.id, (row) => {
      const from = StatusSchema.parse(row.status);
      const verdict = checkTransitionRules(ctx.user, { status: from, reporterId: row.reporter_id }, input);
      if (!verdict.ok) throw verdict.status === 'forbidden' ? forbidden(verdict.message) : badRequest(verdict.message);
      const change = statusChange(from, input.to, `Status ${from} → ${input.to}${input.reason ? `: ${input.reason}` : ''}`, {
        reason: input.reason ?? null,
      });
      if (input.to === 'fixed') {
        change.set = { ...change.set, fixed_in_version: input.version ?? null };
        change.text = `Fixed in ${input.version}${input.reason ? `: ${input.reason}` : ''}`;
        change.data = { ...change.data, version: input.version };
      }
      if (input.to === 'verified') change.kind = 'verified';
      if (input.to === 'closed' && from === 'fixed') {
        change.text = `Closed without customer verification: ${input.unverifiedReason}`;
        change.data = { ...change.data, unverifiedReason: input.unverifiedReason };
      }
      return [change];
    });
  }),

  ask: engineers.input(AskInputSchema).mutation(({ ctx, input }) => {
    const id = ctx.incidents.idOf(input.ref);
    return ctx.incidents.change(id, ctx.user.id, (row) => {
      const from = StatusSchema.parse(row.status);
      if (from !== 'needs_info' && !checkTransition(from, 'needs_info').ok) {
        throw badRequest(`${ctx.incidents.ref(id)} is ${from}; questions to L1 are for open incidents.`);
      }
      return [{ set: { status: 'needs_info' }, kind: 'question', text: input.question, data: { from, to: 'needs_info' } }];
    });
  }),

  answer: writers.input(AnswerInputSchema).mutation(({ ctx, input }) => {
    const id = ctx.incidents.idOf(input.ref);
    return ctx.incidents.change(id, ctx.user.id, (row) => {
      const isReporter = row.reporter_id === ctx.user.id;
      if (!isReporter && ctx.user.role !== 'lead') {
        throw forbidden(`Questions on ${ctx.incidents.ref(id)} are answered by the agent who reported it or a lead.`);
      }
      const back = row.status === 'needs_info' || row.status === 'not_reproducible';
      return [
        {
          set: back ? { status: 'in_progress' } : {},
          kind: 'answer',
          text: input.answer,
          data: back ? { from: row.status, to: 'in_progress' } : {},
        },
      ];
    });
  }),

  reproduction: writers.input(ReproductionInputSchema).mutation(({ ctx, input }) => {
    const id = ctx.incidents.idOf(input.ref);
    if (input.result === 'not_reproduced' && !input.notes) {
      throw badRequest('notes: say what you tried and what L1 should find out from the customer.');
    }
    return ctx.incidents.change(id, ctx.user.id, (row) => {
      const from = StatusSchema.parse(row.status);
      const env = input.environment ?? {};
      const envText = Object.entries(env)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      const reproduced = input.result === 'reproduced';
      const text = `${reproduced ? 'Reproduced' : 'Could not reproduce'}${envText ? ` (${envText})` : ''}${input.notes ? `: ${input.notes}` : ''}`;
      const changes: Change[] = [{ kind: 'reproduction', text, data: { result: input.result, notes: input.notes, environment: env } }];
      const developerSide = ctx.user.role !== 'agent';
      // "Could not reproduce" from a developer goes back to L1 with what is needed.
      if (!reproduced && developerSide && checkTransition(from, 'needs_info').ok) {
        changes.push(statusChange(from, 'needs_info', `Back to L1: ${input.notes}`));
      }
      if (reproduced && developerSide && (from === 'new' || from === 'triaged')) {
        changes.push(statusChange(from, 'in_progress', 'Reproduced; work started'));
      }
      if (ctx.user.role === 'agent' && reproduced) changes[0]!.set = { reproduced_by_agent: 1 };
      return changes;
    });
  }),

  recordBranch: engineers
    .input(RecordBranchInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.incidents.change(ctx.incidents.idOf(input.ref), ctx.user.id, () => [
        { kind: 'branch', text: `Work started on branch ${input.branch}`, data: { branch: input.branch } },
      ]),
    ),

  linkDuplicate: writers.input(LinkDuplicateInputSchema).mutation(async ({ ctx, input }) => {
    const dupId = ctx.incidents.idOf(input.ref);
    const origId = ctx.incidents.idOf(input.of);
    if (dupId === origId) throw badRequest('of: an incident cannot be a duplicate of itself.');
    const original = await ctx.incidents.row(origId);
    if (original.duplicate_of !== null) {
      throw badRequest(`of: ${input.of} is itself a duplicate of ${ctx.incidents.ref(original.duplicate_of)}; link to that one.`);
    }
    await ctx.incidents.change(dupId, ctx.user.id, async (dup, trx) => {
      if (ctx.user.role === 'agent' && dup.reporter_id !== ctx.user.id) {
        throw forbidden(`Only the agent who reported ${ctx.incidents.ref(dupId)}, a developer or a lead can link it.`);
      }
      const from = StatusSchema.parse(dup.status);
      const check = checkTransition(from, 'duplicate');
      if (!check.ok) throw badRequest(check.reason);
      // Both sides change in the same transaction: the original counts this incident's customers.
      const orig = await trx.selectFrom('incidents').selectAll().where('id', '=', origId).executeTakeFirstOrThrow();
      await ctx.incidents.applyChange(trx, orig, ctx.user.id, {
        set: { affected_customers: orig.affected_customers + dup.affected_customers },
        kind: 'duplicate_added',
        text: `${ctx.incidents.ref(dupId)} linked as a duplicate (${dup.affected_customers} more customer${dup.affected_customers > 1 ? 's' : ''})`,
        data: { duplicate: ctx.incidents.ref(dupId) },
      });
      return [
        {
          set: { status: 'duplicate', duplicate_of: origId },
          kind: 'duplicate_linked',
          text: `Duplicate of ${ctx.incidents.ref(origId)}`,
          data: { of: ctx.incidents.ref(origId), from, to: 'duplicate' },
        },
      ];
    });
    return ctx.incidents.get(origId);
  }),
};
