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
        'k.published_at',
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
          publishedAt: r.published_at,
          resolvedAtL1: Number(r.uses),
        },
      ];
    });
  }

  /** Puts the group's customer answer on the public page (or takes it off). */
  async publish(groupId: number, published: boolean): Promise<void> {
    await this.store.write((trx) =>
      trx
        .updateTable('known_solutions')
        .set({ published_at: published ? new Date().toISOString() : null })
        .where('group_id', '=', groupId)
        .execute(),
    );
  }

  /** Published customer answers of a product, newest first, whose title or answer contains `q`. */
  async published(product: string, q: string, limit = 100) {
    let query = this.store.db
      .selectFrom('known_solutions as k')
      .innerJoin('incidents as i', 'i.id', 'k.group_id')
      .select(['i.title', 'i.fixed_in_version', 'k.customer_answer', 'k.published_at'])
      .where('i.product', '=', product)
      .where('k.published_at', 'is not', null)
      .where('k.customer_answer', 'is not', null);
    for (const word of q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
      const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([
          eb(sql`lower(i.title)`, 'like', sql`${like} escape '\\'`),
          eb(sql`lower(k.customer_answer)`, 'like', sql`${like} escape '\\'`),
        ]),
      );
    }
    return query.orderBy('k.published_at', 'desc').limit(limit).execute();
  }

  /** Products that have at least one published answer. */
  async publishedProducts(): Promise<string[]> {
    const rows = await this.store.db
      .selectFrom('known_solutions as k')
      .innerJoin('incidents as i', 'i.id', 'k.group_id')
      .select('i.product')
      .distinct()
      .where('k.published_at', 'is not', null)
      .where('k.customer_answer', 'is not', null)
      .orderBy('i.product')
      .execute();
    return rows.map((r) => r.product);
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
