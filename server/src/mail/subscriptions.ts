import { timingSafeEqual } from 'node:crypto';
import type { MailOutboxRow, MailSubscriptionRow, ShareRow } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { hashMailLink } from './links.js';

/** What a mail's link opens: its subscription and the share link it belongs to. */
export interface MailLinkTarget {
  subscription: MailSubscriptionRow;
  share: ShareRow;
}

/**
 * Customers' e-mail subscriptions, double opt-in: `subscribe` records a pending subscription and
 * queues the confirmation mail in the same transaction; the link in that mail confirms it. Every
 * mail carries a link of its own (stored hashed on its outbox row) that opens the customer's page
 * and unsubscribes — the server never keeps the page's own token, so it cannot put that in a mail.
 */
export class MailSubscriptions {
  constructor(private readonly store: Store) {}

  /** A pending subscription for `email` on the link, replacing an earlier one for that address; queues the confirmation mail. */
  async subscribe(share: ShareRow, email: string, lang: string): Promise<MailSubscriptionRow> {
    const now = new Date().toISOString();
    return this.store.write(async (trx) => {
      const earlier = await trx
        .selectFrom('mail_subscriptions')
        .select('id')
        .where('share_id', '=', share.id)
        .where('email', '=', email)
        .where('status', '!=', 'unsubscribed')
        .execute();
      if (earlier.length) {
        const ids = earlier.map((e) => e.id);
        await trx.updateTable('mail_subscriptions').set({ status: 'unsubscribed', unsubscribed_at: now }).where('id', 'in', ids).execute();
        await trx.deleteFrom('mail_outbox').where('subscription_id', 'in', ids).where('state', '=', 'pending').execute();
      }
      const sub = await trx
        .insertInto('mail_subscriptions')
        .values({ share_id: share.id, incident_id: share.incident_id, email, lang, status: 'pending', created_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('mail_outbox')
        .values({
          subscription_id: sub.id,
          incident_id: share.incident_id,
          kind: 'confirm',
          entry_ids: '[]',
          lang,
          state: 'pending',
          due_at: now,
          attempts: 0,
          created_at: now,
        })
        .execute();
      return sub;
    });
  }

  /** The subscription and link a mail's token opens, or null (unknown token, or the share link revoked). */
  async open(token: string): Promise<MailLinkTarget | null> {
    const hash = hashMailLink(token);
    const mail = await this.store.db.selectFrom('mail_outbox').selectAll().where('link_hash', '=', hash).executeTakeFirst();
    if (!mail?.link_hash || !timingSafeEqual(Buffer.from(mail.link_hash, 'hex'), Buffer.from(hash, 'hex'))) return null;
    return this.targetOf(mail);
  }

  private async targetOf(mail: MailOutboxRow): Promise<MailLinkTarget | null> {
    const subscription = await this.store.db
      .selectFrom('mail_subscriptions')
      .selectAll()
      .where('id', '=', mail.subscription_id)
      .executeTakeFirst();
    if (!subscription) return null;
    const share = await this.store.db.selectFrom('shares').selectAll().where('id', '=', subscription.share_id).executeTakeFirst();
    if (!share || share.revoked_at) return null;
    return { subscription, share };
  }

  /** Confirms a pending subscription; false when it was not pending (already confirmed, or unsubscribed). */
  async confirm(id: number): Promise<boolean> {
    const res = await this.store.write((trx) =>
      trx
        .updateTable('mail_subscriptions')
        .set({ status: 'confirmed', confirmed_at: new Date().toISOString() })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst(),
    );
    return Number(res.numUpdatedRows) === 1;
  }

  /** Ends a subscription and drops its mails not yet sent. Idempotent. */
  async unsubscribe(id: number): Promise<void> {
    await this.store.write(async (trx) => {
      await trx
        .updateTable('mail_subscriptions')
        .set({ status: 'unsubscribed', unsubscribed_at: new Date().toISOString() })
        .where('id', '=', id)
        .where('status', '!=', 'unsubscribed')
        .execute();
      await trx.deleteFrom('mail_outbox').where('subscription_id', '=', id).where('state', '=', 'pending').execute();
    });
  }
}
