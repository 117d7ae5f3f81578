import { checkTransition, StatusSchema, type User } from '@handoff/shared';
import { authorize } from '../access.js';
import type { Context } from '../context.js';
import { badRequest } from '../store/errors.js';
import type { Change } from '../store/incidents.js';
import { factsOfRow } from '../store/mapping.js';
import type { IncidentRow } from '../store/schema.js';
import type { Store, Trx } from '../store/store.js';

type Ctx = Pick<Context, 'incidents' | 'policy'> & { user: User };

/**
 * The original a duplicate points at (the incident itself when it is not a duplicate).
 * Duplicates always point at an original, so this is at most one step; older data with longer
 * chains is followed to its end, and a cycle stops where it closes.
 */
export async function rootOf(ctx: Pick<Context, 'incidents'>, row: IncidentRow, db?: Trx | Store['db']): Promise<IncidentRow> {
  const seen = new Set([row.id]);
  let current = row;
  while (current.duplicate_of !== null && !seen.has(current.duplicate_of)) {
    seen.add(current.duplicate_of);
    current = await ctx.incidents.row(current.duplicate_of, db);
  }
  return current;
}

/**
 * The changes that make `dup` a duplicate of the incident `ofRef` names: checked and written in
 * the caller's write transaction, so two people linking A → B and B → A at the same moment
 * leave one of them open. It links to the original (never to another duplicate), re-points
 * the duplicates of `dup` to that original (no chains), and counts `dup`'s customers there.
 */
export async function linkAsDuplicate(ctx: Ctx, trx: Trx, dup: IncidentRow, ofId: number, ofRef: string): Promise<Change[]> {
  authorize(ctx, 'incident.linkDuplicate', factsOfRow(dup));
  const named = await ctx.incidents.row(ofId, trx);
  const original = await rootOf(ctx, named, trx);
  const dupRef = ctx.incidents.ref(dup.id);
  if (original.id === dup.id) {
    throw badRequest(`of: ${ofRef} is itself a duplicate of ${dupRef}; ${dupRef} is the original.`);
  }
  authorize(ctx, 'incident.linkOriginal', factsOfRow(original));
  const from = StatusSchema.parse(dup.status);
  const check = checkTransition(from, 'duplicate');
  if (!check.ok) throw badRequest(`ref: ${dupRef} cannot be marked a duplicate now. ${check.reason}`);

  const origRef = ctx.incidents.ref(original.id);
  const via = original.id === named.id ? '' : ` (${ctx.incidents.ref(named.id)} is a duplicate of it)`;
  const children = await trx.selectFrom('incidents').selectAll().where('duplicate_of', '=', dup.id).execute();
  for (const child of children) {
    await ctx.incidents.applyChange(trx, child, ctx.user.id, {
      set: { duplicate_of: original.id },
      kind: 'duplicate_linked',
      text: `Now a duplicate of ${origRef}, the original of ${dupRef}`,
      data: { of: origRef },
    });
  }
  const more = dup.affected_customers;
  await ctx.incidents.applyChange(trx, original, ctx.user.id, {
    set: { affected_customers: original.affected_customers + more },
    kind: 'duplicate_added',
    text: `${dupRef} linked as a duplicate (${more} more customer${more > 1 ? 's' : ''})`,
    data: { duplicate: dupRef },
  });
  return [
    {
      set: { status: 'duplicate', duplicate_of: original.id },
      kind: 'duplicate_linked',
      text: `Duplicate of ${origRef}${via}`,
      data: { of: origRef, from, to: 'duplicate' },
    },
  ];
}
