import { formatRef } from '@handoff/shared';
import { outboxFileName } from '../../../mail/outboxFiles.js';
import type { PersonalDataHolder, Scope } from '../holder.js';

type Db = Parameters<PersonalDataHolder['erase']>[0];

/**
 * E-mail updates (#9): the addresses customers subscribed with and the mails sent to them. An
 * erasure ends the subscription, forgets the address, drops mails not yet sent and stops the
 * links in mails already sent (they opened the page).
 */
export const mailSubscriptions: PersonalDataHolder = {
  id: 'mailSubscriptions',
  tables: ['mail_subscriptions', 'mail_outbox'],

  async export(db, scope) {
    const subs = await subscriptionsInScope(db, scope);
    if (subs.length === 0) return { items: [] };
    const mails = await db
      .selectFrom('mail_outbox')
      .select(['id', 'subscription_id', 'kind', 'state', 'created_at', 'sent_at', 'attempts', 'via'])
      .where(
        'subscription_id',
        'in',
        subs.map((s) => s.id),
      )
      .orderBy('id')
      .execute();
    return {
      items: subs.map((s) => ({
        reference: formatRef(s.incident_id, scope.prefix),
        email: s.email,
        language: s.lang,
        status: s.status,
        subscribedAt: s.created_at,
        confirmedAt: s.confirmed_at,
        unsubscribedAt: s.unsubscribed_at,
        mails: mails
          .filter((m) => m.subscription_id === s.id)
          .map((m) => ({
            kind: m.kind,
            state: m.state,
            queuedAt: m.created_at,
            sentAt: m.sent_at,
            attempts: m.attempts,
            // 'folder': written to the server's outbox folder as this file (no SMTP server was configured), not delivered.
            via: m.via,
            ...(m.via === 'folder' ? { outboxFile: outboxFileName(m) } : {}),
          })),
      })),
    };
  },

  async erase(trx, scope) {
    const subs = await subscriptionsInScope(trx, scope);
    if (subs.length === 0) return 0;
    const ids = subs.map((s) => s.id);
    const now = new Date().toISOString();
    await trx.deleteFrom('mail_outbox').where('subscription_id', 'in', ids).where('state', 'in', ['pending', 'sending']).execute();
    const mails = await trx
      .updateTable('mail_outbox')
      .set({ recipient: null, link_hash: null, last_error: null })
      .where('subscription_id', 'in', ids)
      .executeTakeFirst();
    await trx.updateTable('mail_subscriptions').set({ email: null }).where('id', 'in', ids).execute();
    await trx
      .updateTable('mail_subscriptions')
      .set({ status: 'unsubscribed', unsubscribed_at: now })
      .where('id', 'in', ids)
      .where('status', '!=', 'unsubscribed')
      .execute();
    return subs.length + Number(mails.numUpdatedRows);
  },
};

async function subscriptionsInScope(db: Db, scope: Scope) {
  if (scope.incidentIds.length === 0) return [];
  const rows = await db
    .selectFrom('mail_subscriptions')
    .selectAll()
    .where('incident_id', 'in', scope.incidentIds)
    .where('email', 'is not', null)
    .orderBy('id')
    .execute();
  if (scope.target.kind === 'incidents') return rows;
  const email = scope.target.email;
  return rows.filter((r) => r.email?.toLowerCase() === email);
}
