import {
  AddAffectedCustomerInputSchema,
  AssignInputSchema,
  AttachmentInputRefSchema,
  ByRefInputSchema,
  CommentInputSchema,
  IncidentCreateInputSchema,
  ListInputSchema,
  SearchInputSchema,
  UpdateInputSchema,
} from '@handoff/shared';
import { badRequest, forbidden } from '../store/errors.js';
import { isUniqueViolation } from '../store/errors.js';
import type { Change } from '../store/incidents.js';
import { procedureFor, router } from '../trpc.js';
import { incidentFlowProcedures } from './incidentFlow.js';

const anyone = procedureFor();
const writers = procedureFor('agent', 'developer', 'lead', 'admin');
const engineers = procedureFor('developer', 'lead', 'admin');

const FIELD_LABELS: Record<string, string> = { reproducedByAgent: 'reproduced by agent' };

export const incidentsRouter = router({
  create: writers.input(IncidentCreateInputSchema).mutation(async ({ ctx, input }) => {
    const { incident } = await ctx.incidents.create(input, ctx.user);
    return incident;
  }),

  byRef: anyone.input(ByRefInputSchema).query(({ ctx, input }) => ctx.incidents.get(ctx.incidents.idOf(input.ref))),

  list: anyone.input(ListInputSchema).query(({ ctx, input }) =>
    ctx.incidents.list({
      team: input.team,
      ownerId: input.owner === 'me' ? ctx.user.id : input.owner,
      reporterId: input.reporter === 'me' ? ctx.user.id : input.reporter,
      status: input.status,
      updatedSince: input.updatedSince === undefined ? undefined : new Date(input.updatedSince).toISOString(),
      cursor: input.cursor,
      limit: input.limit,
    }),
  ),

  search: anyone.input(SearchInputSchema).query(({ ctx, input }) => ctx.incidents.search(input.text, input.limit)),

  attachment: anyone
    .input(AttachmentInputRefSchema)
    .query(({ ctx, input }) => ctx.incidents.attachment(ctx.incidents.idOf(input.ref), input.id)),

  update: writers.input(UpdateInputSchema).mutation(({ ctx, input }) => {
    const id = ctx.incidents.idOf(input.ref);
    return ctx.incidents.change(id, ctx.user.id, (row) => {
      if (ctx.user.role === 'agent' && row.reporter_id !== ctx.user.id) {
        throw forbidden(`Only the agent who reported ${ctx.incidents.ref(id)}, a developer or a lead can edit it.`);
      }
      const p = input.patch;
      const set: Change['set'] = {};
      if (p.title !== undefined) set.title = p.title;
      if (p.description !== undefined) set.description = p.description;
      if (p.answers !== undefined) set.answers = JSON.stringify(p.answers);
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
    });
  }),

  assign: engineers.input(AssignInputSchema).mutation(async ({ ctx, input }) => {
    const id = ctx.incidents.idOf(input.ref);
    const ownerId = input.owner === 'me' ? ctx.user.id : input.owner;
    const owner = ownerId === null ? null : await ctx.store.userById(ownerId);
    if (ownerId !== null && !owner) throw badRequest(`owner: no user with id ${ownerId}.`);
    if (input.team !== undefined) await ctx.store.requireTeam(input.team);
    return ctx.incidents.change(id, ctx.user.id, (row) => {
      const team = input.team ?? row.team;
      if (row.owner_id === ownerId && row.team === team) {
        throw badRequest(`${ctx.incidents.ref(id)} is already assigned that way.`);
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

  comment: anyone
    .input(CommentInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.incidents.change(ctx.incidents.idOf(input.ref), ctx.user.id, () => [{ kind: 'comment', text: input.text }]),
    ),

  addAffectedCustomer: writers.input(AddAffectedCustomerInputSchema).mutation(async ({ ctx, input }) => {
    const id = ctx.incidents.idOf(input.ref);
    try {
      return await ctx.incidents.change(id, ctx.user.id, async (row, trx) => {
        const seen = await trx
          .selectFrom('affected_customers')
          .select('incident_id')
          .where('idempotency_key', '=', input.idempotencyKey)
          .executeTakeFirst();
        if (seen) return []; // a retry of a link that already happened
        await trx
          .insertInto('affected_customers')
          .values({
            incident_id: id,
            idempotency_key: input.idempotencyKey,
            customer: JSON.stringify(input.customer),
            crm: JSON.stringify(input.crm),
            note: input.note ?? null,
            created_at: new Date().toISOString(),
          })
          .execute();
        const org = input.customer.org ? ` (${input.customer.org})` : '';
        return [
          {
            set: { affected_customers: row.affected_customers + 1 },
            kind: 'duplicate_added',
            text: `Another customer has this: ${input.customer.name}${org}${input.note ? ` — ${input.note}` : ''}`,
            data: { customer: input.customer, crm: input.crm },
          },
        ];
      });
    } catch (err) {
      if (isUniqueViolation(err)) return ctx.incidents.get(id);
      throw err;
    }
  }),

  ...incidentFlowProcedures,
});
