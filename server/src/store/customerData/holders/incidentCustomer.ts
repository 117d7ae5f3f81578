import { CrmSchema, CustomerSchema, formatRef } from '@handoff/shared';
import type { PersonalDataHolder } from '../holder.js';
import { lowerJsonField, uniqueIds } from '../sql.js';

/**
 * The incident's customer and CRM fields. Exports the incidents on which the target is the
 * customer (what was reported, its status and fix — not other customers or internal notes);
 * erases by replacing the customer by the placeholder and dropping the CRM ticket id and link.
 */
export const incidentCustomer: PersonalDataHolder = {
  id: 'incidents',
  tables: ['incidents'],

  async identify(db, target, engine) {
    let q = db.selectFrom('incidents').select(['id', 'customer']);
    q = target.kind === 'email' ? q.where(lowerJsonField(engine, 'customer', 'email'), '=', target.email) : q.where('id', 'in', target.ids);
    const rows = target.kind === 'incidents' && target.ids.length === 0 ? [] : await q.execute();
    const customers = rows.map((r) => CustomerSchema.partial().parse(JSON.parse(r.customer)));
    return {
      customerOf: uniqueIds(rows.map((r) => r.id)),
      names: customers.flatMap((c) => (c.name ? [c.name] : [])),
      emails: customers.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])),
    };
  },

  async export(db, scope) {
    const ids = scope.identity.customerOf.filter((id) => scope.incidentIds.includes(id));
    if (ids.length === 0) return { items: [] };
    const rows = await db.selectFrom('incidents').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return {
      items: rows.map((r) => ({
        reference: formatRef(r.id, scope.prefix),
        customer: CustomerSchema.partial().parse(JSON.parse(r.customer)),
        crm: CrmSchema.partial().parse(JSON.parse(r.crm)),
        title: r.title,
        description: r.description,
        steps: JSON.parse(r.steps) as unknown,
        answers: JSON.parse(r.answers) as unknown,
        environment: JSON.parse(r.environment) as unknown,
        product: r.product,
        version: r.version,
        component: r.component,
        workaround: r.workaround,
        status: r.status,
        fixedInVersion: r.fixed_in_version,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        closedAt: r.closed_at,
      })),
    };
  },

  async erase(trx, scope, placeholder) {
    const ids = scope.identity.customerOf.filter((id) => scope.incidentIds.includes(id));
    if (ids.length === 0) return 0;
    const rows = await trx.selectFrom('incidents').select(['id', 'crm']).where('id', 'in', ids).execute();
    for (const r of rows) {
      const crm = CrmSchema.partial().parse(JSON.parse(r.crm));
      await trx
        .updateTable('incidents')
        .set({ customer: JSON.stringify({ name: placeholder }), crm: JSON.stringify({ system: crm.system ?? 'other' }) })
        .where('id', '=', r.id)
        .execute();
    }
    return rows.length;
  },
};
