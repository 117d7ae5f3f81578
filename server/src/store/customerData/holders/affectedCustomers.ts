import { CrmSchema, CustomerSchema, formatRef } from '@handoff/shared';
import type { PersonalDataHolder } from '../holder.js';
import { scrubber } from '../scrub.js';
import { lowerJsonField, uniqueIds } from '../sql.js';

/** "My customer has this too": another customer added to an incident, with their CRM ticket and a note. */
export const affectedCustomers: PersonalDataHolder = {
  id: 'affectedCustomers',
  tables: ['affected_customers'],

  async identify(db, target, engine) {
    if (target.kind === 'incidents' && target.ids.length === 0) return {};
    let q = db.selectFrom('affected_customers').select(['incident_id', 'customer']);
    q =
      target.kind === 'email'
        ? q.where(lowerJsonField(engine, 'customer', 'email'), '=', target.email)
        : q.where('incident_id', 'in', target.ids);
    const rows = await q.execute();
    const customers = rows.map((r) => CustomerSchema.partial().parse(JSON.parse(r.customer)));
    return {
      affectedOn: uniqueIds(rows.map((r) => r.incident_id)),
      names: customers.flatMap((c) => (c.name ? [c.name] : [])),
      emails: customers.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])),
    };
  },

  async export(db, scope) {
    const rows = await rowsInScope(db, scope);
    return {
      items: rows.map((r) => ({
        reference: formatRef(r.incident_id, scope.prefix),
        customer: CustomerSchema.partial().parse(JSON.parse(r.customer)),
        crm: CrmSchema.partial().parse(JSON.parse(r.crm)),
        note: r.note,
        addedAt: r.created_at,
      })),
    };
  },

  async erase(trx, scope, placeholder) {
    const rows = await rowsInScope(trx, scope);
    const scrub = scrubber(scope.identity, placeholder);
    for (const r of rows) {
      const crm = CrmSchema.partial().parse(JSON.parse(r.crm));
      await trx
        .updateTable('affected_customers')
        .set({
          customer: JSON.stringify({ name: placeholder }),
          crm: JSON.stringify({ system: crm.system ?? 'other' }),
          note: r.note === null ? null : scrub(r.note),
        })
        .where('id', '=', r.id)
        .execute();
    }
    return rows.length;
  },
};

/** The target's entries: those with its e-mail, or every entry on the target incidents (retention). */
async function rowsInScope(db: Parameters<PersonalDataHolder['erase']>[0], scope: Parameters<PersonalDataHolder['erase']>[1]) {
  const ids = scope.identity.affectedOn.filter((id) => scope.incidentIds.includes(id));
  if (ids.length === 0) return [];
  let q = db.selectFrom('affected_customers').selectAll().where('incident_id', 'in', ids);
  if (scope.target.kind === 'email') q = q.where(lowerJsonField(scope.engine, 'customer', 'email'), '=', scope.target.email);
  return q.orderBy('id').execute();
}
