import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CUSTOMER_ACTOR_ID, type CustomerImageType, type Evaluation, type ShareInfo } from '@handoff/shared';
import { conflict, notFound } from './errors.js';
import type { IncidentStore } from './incidents.js';
import type { IncidentRow, ShareRow } from './schema.js';
import type { Store } from './store.js';

/** 256 random bits: far past the 128 a link must have to be unguessable. */
const TOKEN_BYTES = 32;
/** A token as it appears in a page address (base64url of TOKEN_BYTES). */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const DAY_MS = 86_400_000;

const hashShareToken = (token: string) => createHash('sha256').update(`share:${token}`).digest();

/** An image a customer adds to a comment; its type comes from its bytes (see imageTypeOf). */
export interface CustomerImage {
  name: string;
  mediaType: CustomerImageType;
  bytes: Buffer;
}

const EXTENSIONS: Record<CustomerImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };

/** The customer's file name, made harmless (no path, no odd characters) and ending in its real type. */
function imageName(image: CustomerImage): string {
  const stem = (image.name.split(/[\\/]/).pop() ?? '')
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N} _-]+/gu, '')
    .trim()
    .slice(0, 100);
  return `${stem || 'customer-image'}.${EXTENSIONS[image.mediaType]}`;
}

/** A link found by its token, with its incident. */
export interface OpenShare {
  share: ShareRow;
  incident: IncidentRow;
}

/** Links to customers' pages: made, revoked, looked up by token, expiring after closing. */
export class ShareStore {
  constructor(
    private readonly store: Store,
    private readonly incidents: IncidentStore,
    /** Days a link keeps working after its incident closed. */
    readonly daysAfterClose: number,
  ) {}

  private get db() {
    return this.store.db;
  }

  /**
   * A new link for the incident and customer. The server keeps only the token's hash, so asking
   * again for the same customer (the address was lost) revokes the earlier link and makes a new one.
   */
  async create(incident: IncidentRow, email: string | null, actorId: number): Promise<{ token: string; share: ShareRow }> {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const now = new Date().toISOString();
    const share = await this.store.write(async (trx) => {
      let revoke = trx
        .updateTable('shares')
        .set({ revoked_at: now })
        .where('incident_id', '=', incident.id)
        .where('revoked_at', 'is', null);
      revoke = email === null ? revoke.where('email', 'is', null) : revoke.where('email', '=', email);
      await revoke.execute();
      const row = await trx
        .insertInto('shares')
        .values({
          incident_id: incident.id,
          token_hash: hashShareToken(token).toString('hex'),
          email,
          created_by: actorId,
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.incidents.applyChange(trx, await this.incidents.row(incident.id, trx), actorId, {
        kind: 'shared',
        text: `Shared with the customer${email ? ` (${email})` : ''}`,
        data: { shareId: row.id, email, action: 'shared' },
      });
      return row;
    });
    return { token, share };
  }

  async revoke(incidentId: number, shareId: number, actorId: number): Promise<void> {
    await this.store.write(async (trx) => {
      const row = await trx
        .selectFrom('shares')
        .selectAll()
        .where('id', '=', shareId)
        .where('incident_id', '=', incidentId)
        .executeTakeFirst();
      if (!row) throw notFound(`id: link ${shareId} of ${this.incidents.ref(incidentId)}`);
      if (row.revoked_at) throw conflict(`id: link ${shareId} was already revoked at ${row.revoked_at}.`);
      await trx.updateTable('shares').set({ revoked_at: new Date().toISOString() }).where('id', '=', shareId).execute();
      await this.incidents.applyChange(trx, await this.incidents.row(incidentId, trx), actorId, {
        kind: 'shared',
        text: `Link to the customer's page revoked${row.email ? ` (${row.email})` : ''}`,
        data: { shareId, email: row.email, action: 'revoked' },
      });
    });
  }

  /**
   * The link behind `token` and its incident, or null when it is unknown, revoked or expired —
   * the caller answers all three alike. The hash is compared again in constant time.
   */
  async open(token: string): Promise<OpenShare | null> {
    if (!SHARE_TOKEN_PATTERN.test(token)) return null;
    const hash = hashShareToken(token);
    const share = await this.db.selectFrom('shares').selectAll().where('token_hash', '=', hash.toString('hex')).executeTakeFirst();
    if (!share || !timingSafeEqual(Buffer.from(share.token_hash, 'hex'), hash)) return null;
    return this.openShare(share);
  }

  /** The link with its incident, or null when it is revoked or expired (a mail's link opens its share this way). */
  async openShare(share: ShareRow): Promise<OpenShare | null> {
    if (share.revoked_at) return null;
    const incident = await this.db.selectFrom('incidents').selectAll().where('id', '=', share.incident_id).executeTakeFirst();
    if (!incident) return null;
    const expiresAt = await this.expiresAt(incident);
    if (expiresAt !== null && Date.parse(expiresAt) <= Date.now()) return null;
    return { share, incident };
  }

  /** When links to the incident expire: `daysAfterClose` after it closed; null while it is open. */
  async expiresAt(incident: Pick<IncidentRow, 'id' | 'status'>): Promise<string | null> {
    if (incident.status !== 'closed') return null;
    const closed = await this.db
      .selectFrom('timeline')
      .select('at')
      .where('incident_id', '=', incident.id)
      .where('kind', '=', 'status_changed')
      .where('status', '=', 'closed')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!closed) return null;
    return new Date(Date.parse(closed.at) + this.daysAfterClose * DAY_MS).toISOString();
  }

  async list(incident: IncidentRow): Promise<ShareInfo[]> {
    const rows = await this.db.selectFrom('shares').selectAll().where('incident_id', '=', incident.id).orderBy('id').execute();
    const users = await this.store.userRefs(rows.map((r) => r.created_by));
    const expiresAt = await this.expiresAt(incident);
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      createdAt: r.created_at,
      createdBy: users.get(r.created_by) ?? { id: r.created_by, name: `user #${r.created_by}` },
      revokedAt: r.revoked_at,
      expiresAt,
      evaluated: r.evaluated_at !== null,
    }));
  }

  /**
   * A comment by the customer: a customer-visible timeline entry (a live event for staff), with
   * its image stored as one of the incident's attachments in the same transaction.
   */
  async comment(open: OpenShare, text: string, image: CustomerImage | null = null): Promise<void> {
    await this.incidents.change(open.incident.id, CUSTOMER_ACTOR_ID, async (_row, trx) => {
      const data: Record<string, unknown> = { shareId: open.share.id };
      if (image) {
        const stored = await trx
          .insertInto('attachments')
          .values({
            incident_id: open.incident.id,
            name: imageName(image),
            media_type: image.mediaType,
            size: image.bytes.length,
            data_base64: image.bytes.toString('base64'),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        data.attachmentId = stored.id;
      }
      return [{ kind: 'customer_comment', text, visibility: 'customer', data }];
    });
  }

  /** An image a customer added to a comment on this incident (only those are shown on the page), or null. */
  async customerImage(incidentId: number, attachmentId: number): Promise<{ mediaType: string; bytes: Buffer } | null> {
    const entries = await this.db
      .selectFrom('timeline')
      .select('data')
      .where('incident_id', '=', incidentId)
      .where('kind', '=', 'customer_comment')
      .execute();
    if (!entries.some((e) => (JSON.parse(e.data) as { attachmentId?: number }).attachmentId === attachmentId)) return null;
    const row = await this.db
      .selectFrom('attachments')
      .select(['media_type', 'data_base64'])
      .where('id', '=', attachmentId)
      .where('incident_id', '=', incidentId)
      .executeTakeFirst();
    return row ? { mediaType: row.media_type, bytes: Buffer.from(row.data_base64, 'base64') } : null;
  }

  /** The closing evaluation; CONFLICT when this link already gave one. */
  async evaluate(open: OpenShare, evaluation: Evaluation): Promise<void> {
    await this.store.write(async (trx) => {
      const now = new Date().toISOString();
      const res = await trx
        .updateTable('shares')
        .set({ evaluation_rating: evaluation.rating, evaluation_comment: evaluation.comment, evaluated_at: now })
        .where('id', '=', open.share.id)
        .where('evaluated_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw conflict('rating: this link has already given its evaluation.');
      await this.incidents.applyChange(trx, await this.incidents.row(open.incident.id, trx), CUSTOMER_ACTOR_ID, {
        kind: 'evaluation',
        text: `${evaluation.rating}/5${evaluation.comment ? ` — ${evaluation.comment}` : ''}`,
        data: { rating: evaluation.rating, comment: evaluation.comment, shareId: open.share.id },
        visibility: 'customer',
      });
    });
  }
}
