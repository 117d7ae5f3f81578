import { formatRef } from '@handoff/shared';
import type { PersonalDataHolder } from '../holder.js';

/**
 * Screenshots and logs captured for the incidents on which the target is the customer: they
 * came from the customer's session. Exported as files; erased by emptying them (the entry
 * stays, renamed, so the incident still shows that there was an attachment).
 */
export const attachments: PersonalDataHolder = {
  id: 'attachments',
  tables: ['attachments'],

  async export(db, scope) {
    const ids = scope.identity.customerOf.filter((id) => scope.incidentIds.includes(id));
    if (ids.length === 0) return { items: [] };
    const rows = await db.selectFrom('attachments').selectAll().where('incident_id', 'in', ids).orderBy('id').execute();
    const files = rows.map((r) => ({
      path: `attachments/${formatRef(r.incident_id, scope.prefix)}/${r.id}-${r.name.replace(/[^\w.-]+/g, '_')}`,
      data: Buffer.from(r.data_base64, 'base64'),
    }));
    return {
      items: rows.map((r, i) => ({
        reference: formatRef(r.incident_id, scope.prefix),
        name: r.name,
        mediaType: r.media_type,
        size: r.size,
        file: files[i]!.path,
      })),
      files,
    };
  },

  async erase(trx, scope) {
    const ids = scope.identity.customerOf.filter((id) => scope.incidentIds.includes(id));
    if (ids.length === 0) return 0;
    const rows = await trx
      .selectFrom('attachments')
      .select(['id', 'media_type', 'size'])
      .where('incident_id', 'in', ids)
      .where((eb) => eb.or([eb('size', '>', 0), eb('data_base64', '!=', '')]))
      .execute();
    for (const r of rows) {
      const ext = r.media_type === 'text/plain' ? 'txt' : r.media_type.split('/')[1];
      await trx
        .updateTable('attachments')
        .set({ name: `erased-attachment-${r.id}.${ext}`, size: 0, data_base64: '' })
        .where('id', '=', r.id)
        .execute();
    }
    return rows.length;
  },
};
