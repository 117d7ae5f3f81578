import {
  AnswerInputSchema,
  AskInputSchema,
  checkTransition,
  checkTransitionFor,
  LinkDuplicateInputSchema,
  RecordBranchInputSchema,
  ReproductionInputSchema,
  StatusSchema,
  type Status,
  SYSTEM_USER,
  type TransitionRequest,
  transitionSteps,
  TransitionInputSchema,
} from '@handoff/shared';
import { authorize } from '../access.js';
import { badRequest, forbidden } from '../store/errors.js';
import type { Change } from '../store/incidents.js';
import type { IncidentRow } from '../store/schema.js';
import type { Trx } from '../store/store.js';
import { factsOfRow, participantIds } from '../store/mapping.js';
import { tierOf } from '../store/tiers.js';
import { procedureFor } from '../trpc.js';
import { linkAsDuplicate } from './duplicates.js';

const statusChange = (from: string, to: string, text: string, data: Record<string, unknown> = {}): Change => ({
  set: { status: to },
  kind: 'status_changed',
  text,
  data: { from, to, ...data },
});

/**
 * The staff involved in an incident: the agent who reported it, its owner, and every staff member
 * who commented on it (not the customer, not the system).
 */
async function involvedStaff(trx: Trx, row: Pick<IncidentRow, 'id' | 'reporter_id' | 'owner_id'>): Promise<number[]> {
  const commenters = await trx
    .selectFrom('timeline')
    .select('actor_id')
    .distinct()
    .where('incident_id', '=', row.id)
    .where('kind', '=', 'comment')
    .where('actor_id', '>', SYSTEM_USER.id)
    .orderBy('actor_id')
    .execute();
  return [...new Set([row.reporter_id, ...(row.owner_id === null ? [] : [row.owner_id]), ...commenters.map((c) => c.actor_id)])];
}

/** One status move of `row` (in status `from`, already checked by the shared rules): the change to apply. */
async function statusStep(trx: Trx, row: IncidentRow, from: Status, input: TransitionRequest): Promise<Change> {
  const change = statusChange(from, input.to, `Status ${from} → ${input.to}${input.reason ? `: ${input.reason}` : ''}`, {
    reason: input.reason ?? null,
  });
  if (input.to === 'fixed') {
    // The tier it was resolved at, for the leads' insights.
    change.set = { ...change.set, fixed_in_version: input.version ?? null, resolved_tier: await tierOf(trx, row.team) };
    change.text = `Fixed in ${input.version}${input.reason ? `: ${input.reason}` : ''}`;
    change.data = { ...change.data, version: input.version };
  }
  // Reopened: it is no longer a duplicate of anything.
  if (from === 'duplicate' && input.to !== 'closed') change.set = { ...change.set, duplicate_of: null };
  if (input.to === 'verified') change.kind = 'verified';
  if (input.to === 'closed' && from === 'fixed') {
    change.text = `Closed without customer verification: ${input.unverifiedReason}`;
    change.data = { ...change.data, unverifiedReason: input.unverifiedReason };
  }
  // Everyone involved hears of the close: the clients notify the people the server names.
  if (input.to === 'closed') change.data = { ...change.data, notify: await involvedStaff(trx, row) };
  return change;
}

/** The hand-overs between L1 and developers: status moves, questions, reproductions, duplicates. */
export const incidentFlowProcedures = {
  transition: procedureFor('incident.transition')
    .input(TransitionInputSchema)
    .mutation(({ ctx, input }) => {
      const id = ctx.incidents.idOf(input.ref);
      return ctx.incidents.change(id, ctx.user.id, async (row, trx) => {
        const from = StatusSchema.parse(row.status);
        const verdict = checkTransitionFor(ctx.user, { ...factsOfRow(row), status: from }, input, ctx.policy);
        if (!verdict.ok) throw verdict.status === 'forbidden' ? forbidden(verdict.message) : badRequest(verdict.message);
        // One move, or (the customer confirmed a fix) verified then closed: each recorded as if sent alone.
        const expanded = transitionSteps(from, input);
        const changes: Change[] = [];
        for (const step of expanded.ok ? expanded.steps : [])
          changes.push(await statusStep(trx, { ...row, status: step.from }, step.from, step.req));
        return changes;
      });
    }),

  /** A question to L1 — by default the agent who reported it, or anyone named (who then sees it in full). */
  ask: procedureFor('incident.ask')
    .input(AskInputSchema)
    .mutation(async ({ ctx, input }) => {
      const id = ctx.incidents.idOf(input.ref);
      const asked = input.to === undefined ? null : await ctx.store.userById(input.to);
      if (input.to !== undefined && !asked) throw badRequest(`to: no user with id ${input.to}.`);
      return ctx.incidents.change(id, ctx.user.id, (row) => {
        authorize(ctx, 'incident.ask', factsOfRow(row));
        const from = StatusSchema.parse(row.status);
        if (from !== 'needs_info' && !checkTransition(from, 'needs_info').ok) {
          throw badRequest(`ref: ${ctx.incidents.ref(id)} is ${from}; questions to L1 are for open incidents.`);
        }
        const set: Change['set'] = { status: 'needs_info' };
        const current = participantIds(row.participants);
        if (asked && asked.id !== row.reporter_id && !current.includes(asked.id)) {
          set.participants = JSON.stringify([...current, asked.id]);
        }
        const to = asked ? { id: asked.id, name: asked.name } : null;
        return [{ set, kind: 'question', text: input.question, data: { from, to: 'needs_info', asked: to } }];
      });
    }),

  answer: procedureFor('incident.answer')
    .input(AnswerInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.incidents.change(ctx.incidents.idOf(input.ref), ctx.user.id, (row) => {
        authorize(ctx, 'incident.answer', factsOfRow(row));
        const back = row.status === 'needs_info' || row.status === 'not_reproducible';
        return [
          {
            set: back ? { status: 'in_progress' } : {},
            kind: 'answer',
            text: input.answer,
            data: back ? { from: row.status, to: 'in_progress' } : {},
          },
        ];
      }),
    ),

  reproduction: procedureFor('incident.reproduce')
    .input(ReproductionInputSchema)
    .mutation(({ ctx, input }) => {
      const id = ctx.incidents.idOf(input.ref);
      if (input.result === 'not_reproduced' && !input.notes) {
        throw badRequest('notes: say what you tried and what L1 should find out from the customer.');
      }
      return ctx.incidents.change(id, ctx.user.id, (row) => {
        authorize(ctx, 'incident.reproduce', factsOfRow(row));
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

  recordBranch: procedureFor('incident.recordBranch')
    .input(RecordBranchInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.incidents.change(ctx.incidents.idOf(input.ref), ctx.user.id, (row) => {
        authorize(ctx, 'incident.recordBranch', factsOfRow(row));
        return [{ kind: 'branch', text: `Work started on branch ${input.branch}`, data: { branch: input.branch } }];
      }),
    ),

  linkDuplicate: procedureFor('incident.linkDuplicate')
    .input(LinkDuplicateInputSchema)
    .mutation(({ ctx, input }) => {
      const dupId = ctx.incidents.idOf(input.ref);
      const origId = ctx.incidents.idOf(input.of, 'of');
      if (dupId === origId) throw badRequest('of: an incident cannot be a duplicate of itself.');
      return ctx.incidents.change(dupId, ctx.user.id, (dup, trx) => linkAsDuplicate(ctx, trx, dup, origId, input.of));
    }),
};
