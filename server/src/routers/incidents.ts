import {
  AddAffectedCustomerInputSchema,
  AssignInputSchema,
  AttachmentInputRefSchema,
  ByRefInputSchema,
  CommentInputSchema,
  IncidentCreateInputSchema,
  ListInputSchema,
  SearchInputSchema,
  TimelinePageInputSchema,
  UpdateInputSchema,
} from '@handoff/shared';
import { authorize } from '../access.js';
import { answersFor } from '../store/answers.js';
import { badRequest, isUniqueViolation } from '../store/errors.js';
import type { Change } from '../store/incidents.js';
import { factsOfRow } from '../store/mapping.js';
import { procedureFor, router } from '../trpc.js';
import { escalationProcedures } from './escalation.js';
import { incidentFlowProcedures } from './incidentFlow.js';
import { rootOf } from './duplicates.js';
import { shareProcedures } from './share.js';

const FIELD_LABELS: Record<string, string> = { reproducedByAgent: 'reproduced by agent' };

export const incidentsRouter = router({
  create: procedureFor('incident.create')
    .input(IncidentCreateInputSchema)
    .mutation(({ ctx, input }) => ctx.incidents.create(input, ctx.user)),

  /** The whole incident, or its outline when it is another team's (`access` says which). */
  byRef: procedureFor('incident.summary')
    .input(ByRefInputSchema)
    .query(async ({ ctx, input }) => ctx.reads.view(await ctx.incidents.row(ctx.incidents.idOf(input.ref)), ctx.user, ctx.policy)),

  /** Older timeline entries than the ones an incident came with. */
  timeline: procedureFor('incident.read')
    .input(TimelinePageInputSchema)
    .query(async ({ ctx, input }) => {
      const row = await ctx.incidents.row(ctx.incidents.idOf(input.ref));
      authorize(ctx, 'incident.read', factsOfRow(row));
      return ctx.reads.timelinePage(row.id, input.beforeId, input.limit);
    }),

  list: procedureFor('incident.summary')
    .input(ListInputSchema.prefault({}))
    .query(({ ctx, input }) =>
      ctx.reads.list(
        {
          team: input.team,
          ownerId: input.owner === 'me' ? ctx.user.id : input.owner,
          reporterId: input.reporter === 'me' ? ctx.user.id : input.reporter,
          status: input.status,
          updatedSince: input.updatedSince === undefined ? undefined : new Date(input.updatedSince).toISOString(),
          cursor: input.cursor,
          limit: input.limit,
        },
        ctx.user,
        ctx.policy,
      ),
    ),

  search: procedureFor('incident.summary')
    .input(SearchInputSchema)
    .query(({ ctx, input }) => ctx.reads.search(input.text, input.limit, ctx.user, ctx.policy)),

  attachment: procedureFor('incident.read')
    .input(AttachmentInputRefSchema)
    .query(async ({ ctx, input }) => {
      const row = await ctx.incidents.row(ctx.incidents.idOf(input.ref));
      authorize(ctx, 'incident.read', factsOfRow(row));
      return ctx.reads.attachment(row.id, input.id);
    }),

  /** The reproduction recorded in the browser (Recorder JSON), or null. */
  recording: procedureFor('incident.read')
    .input(ByRefInputSchema)
    .query(async ({ ctx, input }) => {
      const row = await ctx.incidents.row(ctx.incidents.idOf(input.ref));
      authorize(ctx, 'incident.read', factsOfRow(row));
      return ctx.reads.recording(row.id);
    }),

  update: procedureFor('incident.update')
    .input(UpdateInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.incidents.change(ctx.incidents.idOf(input.ref), ctx.user.id, async (row, trx) => {
        authorize(ctx, 'incident.update', factsOfRow(row));
        const p = input.patch;
        const set: Change['set'] = {};
        if (p.title !== undefined) set.title = p.title;
        if (p.description !== undefined) set.description = p.description;
        if (p.answers !== undefined) set.answers = JSON.stringify(await answersFor(ctx.store, row, p.answers, trx));
        if (p.product !== undefined) set.product = p.product;
        if (p.version !== undefined) set.version = p.version;
        if (p.component !== undefined) set.component = p.component;
        if (p.environment !== undefined) set.environment = JSON.stringify(p.environment);
        if (p.customer !== undefined) set.customer = JSON.stringify(p.customer);
        if (p.crm !== undefined) set.crm = JSON.stringify(p.crm);
        if (p.steps !== undefined) set.steps = JSON.stringify(p.steps);
        if (p.reproducedByAgent !== undefined) set.reproduced_by_agent = p.reproducedByAgent ? 1 : 0;
        if (p.workaround !== undefined) set.workaround = p.workaround;
        if (p.severity !== undefined) set.severity = p.severity;
        const fields = Object.keys(p).filter((k) => p[k as keyof typeof p] !== undefined);
        if (fields.length === 0) throw badRequest('patch: name at least one field to change.');
        const names = fields.map((f) => FIELD_LABELS[f] ?? f);
        return [{ set, kind: 'updated', text: `Changed ${names.join(', ')}`, data: { fields } }];
      }),
    ),

  assign: procedureFor('incident.assign')
    .input(AssignInputSchema)
    .mutation(async ({ ctx, input }) => {
      const id = ctx.incidents.idOf(input.ref);
      const ownerId = input.owner === 'me' ? ctx.user.id : input.owner;
      const owner = ownerId === null ? null : await ctx.store.userById(ownerId);
      if (ownerId !== null && !owner) throw badRequest(`owner: no user with id ${ownerId}.`);
      if (input.team !== undefined) await ctx.store.requireTeam(input.team);
      return ctx.incidents.change(id, ctx.user.id, (row) => {
        authorize(ctx, 'incident.assign', factsOfRow(row));
        const team = input.team ?? row.team;
        if (row.owner_id === ownerId && row.team === team) {
          throw badRequest(`owner: ${ctx.incidents.ref(id)} is already assigned that way.`);
        }
        const who = owner ? owner.name : 'nobody';
        return [
          {
            set: { owner_id: ownerId, team },
            kind: 'assigned',
            text: `Assigned to ${who}${team !== row.team ? ` in team ${team}` : ''}`,
            data: { from: row.owner_id, to: ownerId, team },
          },
        ];
      });
    }),

  comment: procedureFor('incident.comment')
    .input(CommentInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.incidents.change(ctx.incidents.idOf(input.ref), ctx.user.id, (row) => {
        authorize(ctx, 'incident.comment', factsOfRow(row));
        // Speaking to the customer is a further permission than writing a note for colleagues.
        if (input.visibleToCustomer) authorize(ctx, 'incident.share', factsOfRow(row));
        return [{ kind: 'comment', text: input.text, visibility: input.visibleToCustomer ? 'customer' : 'internal' }];
      }),
    ),

  /**
   * "My customer has this too", also on another team's incident (its summary is enough). A
   * customer added to a duplicate is counted on the original it points at.
   */
  addAffectedCustomer: procedureFor('incident.addAffectedCustomer')
    .input(AddAffectedCustomerInputSchema)
    .mutation(async ({ ctx, input }) => {
      const asked = ctx.incidents.idOf(input.ref);
      const resultOf = async () => {
        const row = await rootOf(ctx, await ctx.incidents.row(asked));
        return { reference: ctx.incidents.ref(row.id), affectedCustomers: row.affected_customers };
      };
      try {
        let target = asked;
        await ctx.store.write(async (trx) => {
          const row = await rootOf(ctx, await ctx.incidents.row(asked, trx), trx);
          target = row.id;
          authorize(ctx, 'incident.addAffectedCustomer', factsOfRow(row));
          const seen = await trx
            .selectFrom('affected_customers')
            .select('incident_id')
            .where('idempotency_key', '=', input.idempotencyKey)
            .executeTakeFirst();
          if (seen) return; // a retry of a link that already happened
          await trx
            .insertInto('affected_customers')
            .values({
              incident_id: row.id,
              idempotency_key: input.idempotencyKey,
              customer: JSON.stringify(input.customer),
              crm: JSON.stringify(input.crm),
              note: input.note ?? null,
              created_at: new Date().toISOString(),
            })
            .execute();
          const org = input.customer.org ? ` (${input.customer.org})` : '';
          await ctx.incidents.applyChange(trx, row, ctx.user.id, {
            set: { affected_customers: row.affected_customers + 1 },
            kind: 'duplicate_added',
            text: `Another customer has this: ${input.customer.name}${org}${input.note ? ` — ${input.note}` : ''}`,
            data: { customer: input.customer, crm: input.crm },
          });
        });
        const row = await ctx.incidents.row(target);
        return { reference: ctx.incidents.ref(row.id), affectedCustomers: row.affected_customers };
      } catch (err) {
        if (isUniqueViolation(err)) return resultOf();
        throw err;
      }
    }),

  ...incidentFlowProcedures,
  ...escalationProcedures,
  ...shareProcedures,
});
