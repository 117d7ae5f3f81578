import { formatRef } from '@handoff/shared';
import type { PersonalDataHolder, Scope } from '../holder.js';

type Db = Parameters<PersonalDataHolder['erase']>[0];

/**
 * Links to the customer's page (#9): the address a link was sent to, the customer's comments
 * through it (with the images they sent) and their closing evaluation. A link without an address on an incident where the
 * target is the customer counts as theirs.
 */
export const shareLinks: PersonalDataHolder = {
  id: 'shareLinks',
  tables: ['shares'],

  async export(db, scope) {
    const shares = await sharesInScope(db, scope);
    const comments = await commentsOf(db, shares);
    const images = await imagesOf(db, comments);
    const files = images.map((r) => ({
      path: `comment-images/${formatRef(r.incident_id, scope.prefix)}/${r.id}-${r.name.replace(/[^\w.-]+/g, '_')}`,
      data: Buffer.from(r.data_base64, 'base64'),
    }));
    const fileOf = (id: number | undefined) => files[images.findIndex((r) => r.id === id)]?.path ?? null;
    return {
      files,
      items: shares.map((s) => ({
        reference: formatRef(s.incident_id, scope.prefix),
        sentTo: s.email,
        createdAt: s.created_at,
        revokedAt: s.revoked_at,
        evaluation: s.evaluated_at ? { rating: s.evaluation_rating, comment: s.evaluation_comment, at: s.evaluated_at } : null,
        comments: comments
          .filter((c) => c.shareId === s.id)
          .map((c) => ({ at: c.at, text: c.text, ...(c.attachmentId === undefined ? {} : { image: fileOf(c.attachmentId) }) })),
      })),
    };
  },

  async erase(trx, scope, placeholder) {
    const shares = await sharesInScope(trx, scope);
    if (shares.length === 0) return 0;
    const ids = shares.map((s) => s.id);
    const now = new Date().toISOString();
    // The rating stays (insights count it); who gave it, what they wrote and where it went do not.
    await trx.updateTable('shares').set({ email: null, evaluation_comment: null }).where('id', 'in', ids).execute();
    await trx.updateTable('shares').set({ revoked_at: now }).where('id', 'in', ids).where('revoked_at', 'is', null).execute();
    const comments = await commentsOf(trx, shares);
    for (const c of comments) {
      await trx
        .updateTable('timeline')
        .set({ text: `(comment by ${placeholder}, erased)` })
        .where('id', '=', c.id)
        .execute();
    }
    // The images they sent with their comments: emptied, the entry kept (renamed) like other attachments.
    const images = await imagesOf(trx, comments);
    for (const r of images) {
      await trx
        .updateTable('attachments')
        .set({ name: `erased-attachment-${r.id}.${r.media_type.split('/')[1]}`, size: 0, data_base64: '' })
        .where('id', '=', r.id)
        .execute();
    }
    return shares.length + comments.length + images.length;
  },
};

async function sharesInScope(db: Db, scope: Scope) {
  if (scope.incidentIds.length === 0) return [];
  const rows = await db.selectFrom('shares').selectAll().where('incident_id', 'in', scope.incidentIds).orderBy('id').execute();
  if (scope.target.kind === 'incidents') return rows;
  const email = scope.target.email;
  return rows.filter((r) => (r.email ? r.email.toLowerCase() === email : scope.identity.customerOf.includes(r.incident_id)));
}

async function commentsOf(db: Db, shares: { id: number; incident_id: number }[]) {
  if (shares.length === 0) return [];
  const shareIds = shares.map((s) => s.id);
  const rows = await db
    .selectFrom('timeline')
    .select(['id', 'at', 'text', 'data'])
    .where('kind', '=', 'customer_comment')
    .where('incident_id', 'in', [...new Set(shares.map((s) => s.incident_id))])
    .orderBy('id')
    .execute();
  return rows
    .map((r) => {
      const data = JSON.parse(r.data) as { shareId?: number; attachmentId?: number };
      return { id: r.id, at: r.at, text: r.text, shareId: data.shareId, attachmentId: data.attachmentId };
    })
    .filter((r) => r.shareId !== undefined && shareIds.includes(r.shareId));
}

/** The images customers sent with these comments that still hold data. */
async function imagesOf(db: Db, comments: { attachmentId?: number | undefined }[]) {
  const ids = comments.flatMap((c) => (typeof c.attachmentId === 'number' ? [c.attachmentId] : []));
  if (ids.length === 0) return [];
  return db.selectFrom('attachments').selectAll().where('id', 'in', ids).where('size', '>', 0).orderBy('id').execute();
}
