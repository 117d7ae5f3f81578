import { type CrmMapping, type CrmMappingInput, CrmMappingSchema } from '@handoff/shared';
import { type Actor, recordAudit } from './admin.js';
import { notFound } from './errors.js';
import type { CrmMappingsTable } from './schema.js';
import type { Store } from './store.js';

function toMapping(row: CrmMappingsTable): CrmMapping {
  return CrmMappingSchema.parse({
    team: row.team,
    origin: row.origin,
    fields: JSON.parse(row.fields),
    updatedAt: row.updated_at,
    updatedBy: { id: row.updated_by, name: row.updated_by_name },
  });
}

/** Teams' shared helpdesk mappings (taught fields per site). Every change is audited in its transaction. */
export class CrmMappingStore {
  constructor(private readonly store: Store) {}

  /** The mappings of these teams, by team and site. */
  async list(teams: readonly string[]): Promise<CrmMapping[]> {
    if (teams.length === 0) return [];
    const rows = await this.store.db
      .selectFrom('crm_mappings')
      .selectAll()
      .where('team', 'in', [...teams])
      .orderBy('team')
      .orderBy('origin')
      .execute();
    return rows.map(toMapping);
  }

  /** Creates or replaces the team's mapping for the site (the fields sent are the whole mapping). */
  async upsert(input: CrmMappingInput, actor: Actor): Promise<CrmMapping> {
    await this.store.requireTeam(input.team);
    return this.store.write(async (trx) => {
      const before = await trx
        .selectFrom('crm_mappings')
        .selectAll()
        .where('team', '=', input.team)
        .where('origin', '=', input.origin)
        .executeTakeFirst();
      const row: CrmMappingsTable = {
        team: input.team,
        origin: input.origin,
        fields: JSON.stringify(input.fields),
        updated_at: new Date().toISOString(),
        updated_by: actor.id,
        updated_by_name: actor.name,
      };
      await trx
        .insertInto('crm_mappings')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['team', 'origin']).doUpdateSet({
            fields: row.fields,
            updated_at: row.updated_at,
            updated_by: row.updated_by,
            updated_by_name: row.updated_by_name,
          }),
        )
        .execute();
      const saved = toMapping(row);
      await recordAudit(
        trx,
        actor,
        'crm.mapping.upsert',
        `mapping ${input.team} ${input.origin}`,
        before ? toMapping(before).fields : null,
        saved.fields,
      );
      return saved;
    });
  }

  /** Withdraws the team's mapping for the site; a 404 when there is none. */
  async delete(team: string, origin: string, actor: Actor): Promise<void> {
    await this.store.write(async (trx) => {
      const before = await trx
        .selectFrom('crm_mappings')
        .selectAll()
        .where('team', '=', team)
        .where('origin', '=', origin)
        .executeTakeFirst();
      if (!before) throw notFound(`Team ${team}'s mapping for ${origin}`);
      await trx.deleteFrom('crm_mappings').where('team', '=', team).where('origin', '=', origin).execute();
      await recordAudit(trx, actor, 'crm.mapping.delete', `mapping ${team} ${origin}`, toMapping(before).fields, null);
    });
  }
}
