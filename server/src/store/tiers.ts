import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Trx } from './store.js';

type Db = Kysely<Database> | Trx;

/** The tier of a team (an unrouted incident sits with the helpdesk: tier 1). */
export async function tierOf(db: Db, team: string | null): Promise<number> {
  if (team === null) return 1;
  const row = await db.selectFrom('teams').select('tier').where('id', '=', team).executeTakeFirst();
  return row?.tier ?? 1;
}

/**
 * The team of `tier` an incident of this category and component goes to: by the routing rules
 * whose team is in that tier (category and component beat component, which beats category;
 * ties to the oldest rule), else the tier's only team. Null when neither decides.
 */
export async function teamInTier(db: Db, tier: number, category: string, component: string | null): Promise<string | null> {
  const rules = await db
    .selectFrom('routing_rules as r')
    .innerJoin('teams as t', 't.id', 'r.team')
    .select(['r.id', 'r.category', 'r.component', 'r.team'])
    .where('t.tier', '=', tier)
    .where((eb) => eb.or([eb('r.category', '=', category), eb('r.category', 'is', null)]))
    .where((eb) => (component ? eb.or([eb('r.component', '=', component), eb('r.component', 'is', null)]) : eb('r.component', 'is', null)))
    .orderBy('r.id')
    .execute();
  const score = (r: (typeof rules)[number]) => (r.component ? 2 : 0) + (r.category ? 1 : 0);
  const best = rules.reduce<(typeof rules)[number] | undefined>((b, r) => (!b || score(r) > score(b) ? r : b), undefined);
  if (best) return best.team;
  const teams = await db.selectFrom('teams').select('id').where('tier', '=', tier).execute();
  return teams.length === 1 ? teams[0]!.id : null;
}
