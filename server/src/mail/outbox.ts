import { CUSTOMER_ACTOR_ID } from '@handoff/shared';
import type { TimelineSubject } from '../store/incidents.js';
import type { MailOutboxRow, TimelineRow } from '../store/schema.js';
import type { Store, Trx } from '../store/store.js';
import { customerEntry } from '../web/customer/pageModel.js';
import { newMailLink } from './links.js';
import type { StaffMail } from './staffMail.js';

export interface OutboxTiming {
  /** A burst of changes within this window is one mail (default one minute). */
  debounceMs: number;
  /** How long a claimed mail is held by the instance sending it before another may retry it. */
  leaseMs: number;
  /** Retry back-off: first wait, doubling per attempt, capped; ±25 % jitter. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Attempts before a mail is given up and recorded as failed. */
  maxAttempts: number;
}

export const DEFAULT_OUTBOX_TIMING: OutboxTiming = {
  debounceMs: 60_000,
  leaseMs: 120_000,
  retryBaseMs: 30_000,
  retryMaxMs: 3_600_000,
  maxAttempts: 10,
};

const iso = (ms: number) => new Date(ms).toISOString();

/** Exponential back-off with jitter: when attempt `attempts` (1-based) failed, the wait before the next. */
export function backoffMs(attempts: number, t: Pick<OutboxTiming, 'retryBaseMs' | 'retryMaxMs'>, random = Math.random): number {
  const base = Math.min(t.retryMaxMs, t.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** Whether a timeline entry tells subscribers something: what the page shows, not what the customer did themselves. */
export function mailable(entry: TimelineRow): boolean {
  if (entry.actor_id === CUSTOMER_ACTOR_ID || entry.kind === 'created') return false;
  return customerEntry(entry, () => '') !== null;
}

/** A mail claimed for sending, with the fresh link it carries (only its hash is stored). */
export interface ClaimedMail {
  row: MailOutboxRow;
  linkToken: string;
}

/**
 * The mail outbox. Update mails are queued by `onEntry` in the transaction of the change; the
 * scheduler claims due mails with a conditional UPDATE (one instance wins), sends, and records
 * the outcome. A crash after sending and before recording resends once the lease ends — the
 * Message-ID stays the same, so a mail client shows it once.
 */
export class MailOutbox {
  constructor(
    private readonly store: Store,
    readonly timing: OutboxTiming = DEFAULT_OUTBOX_TIMING,
    private readonly now: () => number = Date.now,
  ) {}

  /** Staff who opted in to mail (set by the server; without it only customers are mailed). */
  staff: StaffMail | null = null;

  /**
   * Queues the entry for every confirmed subscriber and every staff member who opted in to it,
   * joining a mail still waiting out its window.
   */
  async onEntry(trx: Trx, incident: TimelineSubject, entry: TimelineRow): Promise<void> {
    const now = this.now();
    if (this.staff) {
      for (const r of await this.staff.recipients(trx, incident, entry)) {
        await this.queue(trx, incident.id, entry.id, { user_id: r.userId, subscription_id: 0, kind: 'staff', lang: r.lang }, now);
      }
    }
    if (!mailable(entry)) return;
    const subs = await trx
      .selectFrom('mail_subscriptions as s')
      .innerJoin('shares as sh', 'sh.id', 's.share_id')
      .select(['s.id', 's.lang'])
      .where('s.incident_id', '=', incident.id)
      .where('s.status', '=', 'confirmed')
      .where('sh.revoked_at', 'is', null)
      .execute();
    for (const sub of subs) {
      await this.queue(trx, incident.id, entry.id, { user_id: null, subscription_id: sub.id, kind: 'update', lang: sub.lang }, now);
    }
  }

  /** One mail per recipient and burst: joins the one still waiting out its window, else a new one. */
  private async queue(
    trx: Trx,
    incidentId: number,
    entryId: number,
    to: { user_id: number | null; subscription_id: number; kind: 'update' | 'staff'; lang: string },
    now: number,
  ): Promise<void> {
    let waiting = trx
      .selectFrom('mail_outbox')
      .select(['id', 'entry_ids'])
      .where('kind', '=', to.kind)
      .where('incident_id', '=', incidentId)
      .where('state', '=', 'pending')
      .where('attempts', '=', 0)
      .where('due_at', '>', iso(now));
    waiting = to.user_id === null ? waiting.where('subscription_id', '=', to.subscription_id) : waiting.where('user_id', '=', to.user_id);
    const found = await waiting.orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (found) {
      const ids = [...(JSON.parse(found.entry_ids) as number[]), entryId];
      await trx
        .updateTable('mail_outbox')
        .set({ entry_ids: JSON.stringify(ids) })
        .where('id', '=', found.id)
        .execute();
      return;
    }
    await trx
      .insertInto('mail_outbox')
      .values({
        ...to,
        incident_id: incidentId,
        entry_ids: JSON.stringify([entryId]),
        state: 'pending',
        due_at: iso(now + this.timing.debounceMs),
        attempts: 0,
        created_at: iso(now),
      })
      .execute();
  }

  /** Ids of mails due now (pending and due, or held by a lease that ran out), oldest first. */
  async due(limit: number): Promise<number[]> {
    const now = iso(this.now());
    const rows = await this.store.db
      .selectFrom('mail_outbox')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'pending'), eb('due_at', '<=', now)]),
          eb.and([eb('state', '=', 'sending'), eb('lease_until', '<', now)]),
        ]),
      )
      .orderBy('due_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** When the next mail falls due (ms from now), or null when none waits. */
  async nextDueIn(): Promise<number | null> {
    const row = await this.store.db
      .selectFrom('mail_outbox')
      .select('due_at')
      .where('state', '=', 'pending')
      .orderBy('due_at')
      .limit(1)
      .executeTakeFirst();
    return row ? Math.max(0, Date.parse(row.due_at) - this.now()) : null;
  }

  /** Claims one mail for this instance, or null when another instance has it (or it is no longer due). */
  async claim(id: number): Promise<ClaimedMail | null> {
    const link = newMailLink();
    return this.store.write(async (trx) => {
      const now = iso(this.now());
      const res = await trx
        .updateTable('mail_outbox')
        .set({ state: 'sending', lease_until: iso(this.now() + this.timing.leaseMs), link_hash: link.hash })
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'pending'), eb('due_at', '<=', now)]),
            eb.and([eb('state', '=', 'sending'), eb('lease_until', '<', now)]),
          ]),
        )
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return null;
      const row = await trx.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return { row, linkToken: link.token };
    });
  }

  /**
   * Records a mail as sent. Returns 'erased' when an erasure reached it while it was being sent
   * (deleted or marked it): its copy in the outbox folder must go, and no address is recorded.
   */
  async sent(id: number, recipient: string, via: 'smtp' | 'folder'): Promise<'sent' | 'erased'> {
    return this.store.write(async (trx) => {
      const row = await trx.selectFrom('mail_outbox').select('erased_at').where('id', '=', id).executeTakeFirst();
      if (!row) return 'erased';
      const erased = row.erased_at !== null;
      await trx
        .updateTable('mail_outbox')
        .set({ state: 'sent', sent_at: iso(this.now()), recipient: erased ? null : recipient, via, lease_until: null, last_error: null })
        .where('id', '=', id)
        .execute();
      return erased ? 'erased' : 'sent';
    });
  }

  /** Records a failed attempt: retried after a back-off, or given up when permanent or out of attempts. */
  async failed(row: MailOutboxRow, error: string, permanent: boolean): Promise<'retry' | 'failed'> {
    const attempts = row.attempts + 1;
    const giveUp = permanent || attempts >= this.timing.maxAttempts;
    await this.store.write((trx) =>
      trx
        .updateTable('mail_outbox')
        .set({
          state: giveUp ? 'failed' : 'pending',
          attempts,
          last_error: error.slice(0, 1000),
          lease_until: null,
          due_at: giveUp ? row.due_at : iso(this.now() + backoffMs(attempts, this.timing)),
        })
        .where('id', '=', row.id)
        .execute(),
    );
    return giveUp ? 'failed' : 'retry';
  }

  /** A mail that no longer has anyone to go to (unsubscribed meanwhile): dropped. */
  async drop(id: number): Promise<void> {
    await this.store.write((trx) => trx.deleteFrom('mail_outbox').where('id', '=', id).execute());
  }
}
