import path from 'node:path';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { type AccessPolicy, DEFAULT_POLICY, StatusSchema, incidentAccess } from '@handoff/shared';
import { log } from '../log.js';
import { DueLoop } from '../scheduler/dueLoop.js';
import type { Store } from '../store/store.js';
import { customerEntry } from '../web/customer/pageModel.js';
import { composeMail, composeStaffMail } from './compose.js';
import type { ClaimedMail, MailOutbox } from './outbox.js';
import { type OutboxFiles, outboxFileName } from './outboxFiles.js';
import { MailError, type MailSender } from './sender.js';
import { staffMailImages } from './staffImages.js';

export interface MailDeliveryOptions {
  publicUrl: () => string;
  from: string;
  prefix: string;
  /** Longest wait between two looks at the outbox. */
  pollMs?: number;
  /** The server's visibility policy (staff mails go only to those who see the incident in full). */
  policy?: () => AccessPolicy;
  /** Mails sent per tick at most. */
  batch?: number;
  /** This instance's outbox folder: erased mails' copies are swept from it. */
  files?: OutboxFiles;
  /** Customers' images per staff mail at most (bytes; default STAFF_MAIL_IMAGES_MAX_BYTES). */
  staffImagesMaxBytes?: number;
}

/**
 * Delivers the outbox: every instance runs one; each mail is claimed by one instance (see
 * MailOutbox.claim), composed from the store at sending time and handed to the sender. A failure
 * is retried with back-off; a permanent one (SMTP 5xx) is recorded and not retried.
 */
export class MailScheduler {
  private readonly loop: DueLoop;
  private readonly batch: number;
  /** Outcomes of this instance (for tests and logs). */
  readonly stats = { sent: 0, retried: 0, failed: 0 };

  constructor(
    private readonly store: Store,
    readonly outbox: MailOutbox,
    readonly sender: MailSender,
    private readonly opts: MailDeliveryOptions,
  ) {
    this.batch = opts.batch ?? 20;
    this.loop = new DueLoop('mail delivery', { tick: () => this.tick(), nextDueIn: () => outbox.nextDueIn() }, opts.pollMs ?? 1000);
  }

  start(): void {
    this.loop.start();
  }

  /** Looks at the outbox now (a confirmation mail was just queued). */
  poke(): void {
    this.loop.poke();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    this.sender.close();
  }

  /** Sends what is due; true when a full batch was due (more may be waiting). */
  async tick(): Promise<boolean> {
    // An erasure recorded by any instance since the last look: this instance's copies of its mails go.
    await this.opts.files?.sweepIfErased();
    const ids = await this.outbox.due(this.batch);
    for (const id of ids) {
      const claimed = await this.outbox.claim(id);
      if (claimed) await this.deliver(claimed);
    }
    return ids.length >= this.batch;
  }

  private async deliver(claimed: ClaimedMail): Promise<void> {
    const mail = claimed.row.kind === 'staff' ? await this.staffMail(claimed) : await this.customerMail(claimed);
    if (!mail) return this.outbox.drop(claimed.row.id);
    const { row } = claimed;
    try {
      await this.sender.send(mail, outboxFileName(row));
    } catch (err) {
      const e = MailError.is(err) ? err : new MailError((err as Error).message ?? String(err), false);
      const outcome = await this.outbox.failed(row, e.message, e.permanent);
      this.stats[outcome === 'retry' ? 'retried' : 'failed']++;
      log.warn({ outbox: row.id, attempts: row.attempts + 1, outcome, error: e.message }, 'mail not delivered');
      return;
    }
    const outcome = await this.outbox.sent(row.id, String(mail.to), this.sender.via);
    // An erasure reached it while it was written: the copy just written goes too.
    if (outcome === 'erased' && this.sender.via === 'folder') await this.opts.files?.remove(row);
    this.stats.sent++;
  }

  /**
   * A staff member's mail, or null when it no longer has anyone to go to: they opted out, lost
   * full access to the incident, or were deactivated. Every entry is in it (they see the incident
   * in full), the ones they made themselves left out.
   */
  private async staffMail({ row, linkToken }: ClaimedMail): Promise<Mail.Options | null> {
    const db = this.store.db;
    if (row.user_id === null) return null;
    const settings = await db.selectFrom('staff_mail').selectAll().where('user_id', '=', row.user_id).executeTakeFirst();
    const user = await this.store.userById(row.user_id);
    const incident = await db.selectFrom('incidents').selectAll().where('id', '=', row.incident_id).executeTakeFirst();
    if (!settings?.email || settings.mode === 'off' || !user || !incident) return null;
    const active = await db.selectFrom('users').select('deactivated_at').where('id', '=', user.id).executeTakeFirst();
    const facts = {
      team: incident.team,
      reporterId: incident.reporter_id,
      ownerId: incident.owner_id,
      participantIds: JSON.parse(incident.participants) as number[],
    };
    if (active?.deactivated_at || incidentAccess(user, facts, this.opts.policy?.() ?? DEFAULT_POLICY) !== 'full') return null;
    const rows = await db
      .selectFrom('timeline')
      .select(['id', 'at', 'kind', 'text', 'data', 'actor_id'])
      .where('id', 'in', JSON.parse(row.entry_ids) as number[])
      .orderBy('id')
      .execute();
    const users = await this.store.userRefs(rows.map((r) => r.actor_id));
    const images = await staffMailImages(this.store, incident.id, rows, this.opts.staffImagesMaxBytes);
    return composeStaffMail({
      outboxId: row.id,
      to: settings.email,
      lang: row.lang,
      reference: `${this.opts.prefix}-${incident.id}`,
      title: incident.title,
      status: incident.status,
      entries: rows.map((r) => {
        const image = images.get(r.id);
        return { at: r.at, who: users.get(r.actor_id)?.name ?? '', kind: r.kind, text: r.text, ...(image ? { image } : {}) };
      }),
      publicUrl: this.opts.publicUrl(),
      linkToken,
      from: this.opts.from,
    });
  }

  private async customerMail({ row, linkToken }: ClaimedMail): Promise<Mail.Options | null> {
    const db = this.store.db;
    const sub = await db.selectFrom('mail_subscriptions').selectAll().where('id', '=', row.subscription_id).executeTakeFirst();
    const wanted = row.kind === 'confirm' ? sub?.status === 'pending' : sub?.status === 'confirmed';
    const incident = await db.selectFrom('incidents').selectAll().where('id', '=', row.incident_id).executeTakeFirst();
    if (!sub?.email || !wanted || !incident || row.kind === 'staff') return null;
    const entryIds = JSON.parse(row.entry_ids) as number[];
    const rows = entryIds.length
      ? await db
          .selectFrom('timeline')
          .select(['id', 'at', 'kind', 'text', 'data', 'status', 'visibility', 'actor_id'])
          .where('id', 'in', entryIds)
          .orderBy('id')
          .execute()
      : [];
    const users = await this.store.userRefs(rows.map((r) => r.actor_id));
    const entries = rows.flatMap((r) => customerEntry(r, (id) => users.get(id)?.name ?? '') ?? []);
    return composeMail({
      kind: row.kind,
      outboxId: row.id,
      to: sub.email,
      lang: row.lang,
      reference: `${this.opts.prefix}-${incident.id}`,
      title: incident.title,
      status: StatusSchema.parse(incident.status),
      entries,
      publicUrl: this.opts.publicUrl(),
      linkToken,
      from: this.opts.from,
    });
  }
}

/** Where mails go when no SMTP server is configured. */
export const outboxFolder = (dataDir: string) => path.join(dataDir, 'outbox');
