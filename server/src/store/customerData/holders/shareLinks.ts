import { formatRef } from '@handoff/shared';
import type { PersonalDataHolder, Scope } from '../holder.js';

type Db = Parameters<PersonalDataHolder['erase']>[0];

/**
 * Links to the customer's page (#9): the address a link was sent to, the customer's comments
 * through it and their closing evaluation. A link without an address on an incident where the
 * target is the customer counts as theirs.
 */
export const shareLinks: PersonalDataHolder = {
  id: 'shareLinks',
  tables: ['shares'],

  async export(db, scope) {
    const shares = await sharesInScope(db, scope);
    const comments = await commentsOf(db, shares);
    return {
      items: shares.map((s) => ({
        reference: formatRef(s.incident_id, scope.prefix),
        sentTo: s.email,
        createdAt: s.created_at,
        revokedAt: s.revoked_at,
        evaluation: s.evaluated_at ? { rating: s.evaluation_rating, comment: s.evaluation_comment, at: s.evaluated_at } : null,
        comments: comments.filter((c) => c.shareId === s.id).map((c) => ({ at: c.at, text: c.text })),
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
    return shares.length + comments.length;
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
    .map((r) => ({ id: r.id, at: r.at, text: r.text, shareId: (JSON.parse(r.data) as { shareId?: number }).shareId }))
    .filter((r) => r.shareId !== undefined && shareIds.includes(r.shareId));
}
