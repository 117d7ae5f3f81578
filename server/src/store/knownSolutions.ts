import { formatRef, type KnownSolution } from '@handoff/shared';
import { sql } from 'kysely';
import type { Store, Trx } from './store.js';

/** Known solutions of problem groups, and the incidents L1 resolved with them. */
export class KnownSolutionStore {
  constructor(
    private readonly store: Store,
    private readonly prefix: string,
  ) {}

  /** Records (or replaces) the solution of the group whose original is `groupId`. */
  async record(groupId: number, input: { solution: string; customerAnswer?: string | undefined }, actorId: number): Promise<void> {
    const values = {
      solution: input.solution,
      customer_answer: input.customerAnswer ?? null,
      recorded_by: actorId,
      recorded_at: new Date().toISOString(),
    };
    await this.store.write((trx) =>
      trx
        .insertInto('known_solutions')
        .values({ group_id: groupId, ...values, published_at: null })
        .onConflict((oc) => oc.column('group_id').doUpdateSet(values))
        .execute(),
    );
  }

  /** The known solutions of these groups, in the order given. */
  async ofGroups(groupIds: number[], db: Trx | Store['db'] = this.store.db): Promise<KnownSolution[]> {
    if (groupIds.length === 0) return [];
    const rows = await db
      .selectFrom('known_solutions as k')
      .innerJoin('incidents as i', 'i.id', 'k.group_id')
      .innerJoin('users as u', 'u.id', 'k.recorded_by')
      .select([
        'k.group_id',
        'k.solution',
        'k.customer_answer',
        'k.recorded_at',
        'u.name',
        'i.title',
        'i.product',
        sql<number>`(select count(*) from known_solution_uses s where s.group_id = k.group_id)`.as('uses'),
      ])
      .where('k.group_id', 'in', groupIds)
      .execute();
    const byId = new Map(rows.map((r) => [r.group_id, r]));
    return groupIds.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          group: formatRef(r.group_id, this.prefix),
          title: r.title,
          product: r.product,
          solution: r.solution,
          customerAnswer: r.customer_answer,
          recordedBy: r.name,
          recordedAt: r.recorded_at,
          resolvedAtL1: Number(r.uses),
        },
      ];
    });
  }

  /** Notes that `incidentId` was resolved at L1 with the group's solution (once per incident). */
  async noteUse(trx: Trx, incidentId: number, groupId: number, actorId: number): Promise<void> {
    await trx
      .insertInto('known_solution_uses')
      .values({ incident_id: incidentId, group_id: groupId, actor_id: actorId, at: new Date().toISOString() })
      .onConflict((oc) => oc.column('incident_id').doNothing())
      .execute();
  }
}
