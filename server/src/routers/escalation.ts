import { EscalateInputSchema } from '@handoff/shared';
import { authorize } from '../access.js';
import { badRequest } from '../store/errors.js';
import { factsOfRow } from '../store/mapping.js';
import { teamInTier, tierOf } from '../store/tiers.js';
import { procedureFor } from '../trpc.js';

const TIER_NAMES: Record<number, string> = { 1: 'tier 1 (helpdesk)', 2: 'tier 2 (technical team)', 3: 'tier 3 (engineering)' };
const OPEN = new Set(['new', 'triaged', 'in_progress', 'needs_info']);

/**
 * Moving an incident between support tiers: `escalate` to the next tier's team for its
 * category and component, `deescalate` back to the team it came from (or the previous tier's).
 * Each move is recorded with its reason; the new team takes it over (no owner until they assign).
 */
export const escalationProcedures = {
  escalate: procedureFor('incident.escalate')
    .input(EscalateInputSchema)
    .mutation(({ ctx, input }) => {
      const id = ctx.incidents.idOf(input.ref);
      return ctx.incidents.change(id, ctx.user.id, async (row, trx) => {
        authorize(ctx, 'incident.escalate', factsOfRow(row));
        if (!OPEN.has(row.status)) throw badRequest(`ref: ${ctx.incidents.ref(id)} is ${row.status}; only open incidents are escalated.`);
        const from = await tierOf(trx, row.team);
        if (from >= 3) throw badRequest(`ref: ${ctx.incidents.ref(id)} is already with ${TIER_NAMES[3]}; there is no higher tier.`);
        const team = await teamInTier(trx, from + 1, row.category, row.component);
        if (!team) {
          throw badRequest(
            `ref: no team in ${TIER_NAMES[from + 1]} takes category "${row.category}"${row.component ? ` / component "${row.component}"` : ''}. ` +
              'Ask a lead to add a routing rule to a team of that tier.',
          );
        }
        return [
          {
            set: { team, owner_id: null, escalations: row.escalations + 1 },
            kind: 'escalated',
            text: `Escalated from ${row.team ?? 'unrouted'} (tier ${from}) to ${team} (tier ${from + 1}): ${input.reason}`,
            data: { fromTeam: row.team, toTeam: team, fromTier: from, toTier: from + 1, reason: input.reason },
          },
        ];
      });
    }),

  deescalate: procedureFor('incident.deescalate')
    .input(EscalateInputSchema)
    .mutation(({ ctx, input }) => {
      const id = ctx.incidents.idOf(input.ref);
      return ctx.incidents.change(id, ctx.user.id, async (row, trx) => {
        authorize(ctx, 'incident.deescalate', factsOfRow(row));
        if (!OPEN.has(row.status))
          throw badRequest(`ref: ${ctx.incidents.ref(id)} is ${row.status}; only open incidents move between tiers.`);
        const from = await tierOf(trx, row.team);
        if (from <= 1) throw badRequest(`ref: ${ctx.incidents.ref(id)} is with ${TIER_NAMES[1]}; there is no lower tier.`);
        // Back to the team that escalated it here, when that is how it came.
        const came = await trx
          .selectFrom('timeline')
          .select('data')
          .where('incident_id', '=', id)
          .where('kind', '=', 'escalated')
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst();
        const cameFrom = came ? (JSON.parse(came.data) as { fromTeam?: string | null; toTeam?: string }) : null;
        const team =
          cameFrom && cameFrom.toTeam === row.team && cameFrom.fromTeam
            ? cameFrom.fromTeam
            : await teamInTier(trx, from - 1, row.category, row.component);
        if (!team)
          throw badRequest(`ref: no team in ${TIER_NAMES[from - 1]} takes category "${row.category}"; ask a lead to add a routing rule.`);
        const to = await tierOf(trx, team);
        return [
          {
            set: { team, owner_id: null },
            kind: 'deescalated',
            text: `Moved back from ${row.team} (tier ${from}) to ${team} (tier ${to}): ${input.reason}`,
            data: { fromTeam: row.team, toTeam: team, fromTier: from, toTier: to, reason: input.reason },
          },
        ];
      });
    }),
};
