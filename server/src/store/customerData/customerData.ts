import { type AccessPolicy, type CustomerEraseResult, formatRef, incidentAccess, type User, type UserRef } from '@handoff/shared';
import { sql } from 'kysely';
import { log } from '../../log.js';
import type { IncidentStore } from '../incidents.js';
import { factsOfRow } from '../mapping.js';
import type { Store, Trx } from '../store.js';
import { SYSTEM_ACTOR_ID } from '../store.js';
import type { Exported, Identity, Scope, Target } from './holder.js';
import { PERSONAL_DATA_HOLDERS } from './registry.js';
import { scrubber } from './scrub.js';
import { uniqueIds } from './sql.js';

export interface ExportedCustomer {
  email: string;
  incidentIds: number[];
  sections: Record<string, Exported>;
}

/** Copies of personal data kept outside the database, removed after an erasure committed. */
export interface OutsideCopies {
  sweep(): Promise<unknown>;
}

/** Who erases: a person (with a reason they gave), or the retention policy. */
export type Eraser = { kind: 'request'; actor: UserRef; reason: string } | { kind: 'retention'; reason: string };

/** The actor of an erasure run from the command line (an operator with access to the server). */
export const COMMAND_LINE_ACTOR: UserRef = { id: SYSTEM_ACTOR_ID, name: 'an operator on the command line' };

export const placeholderFor = (erasureId: number) => `erased customer #${erasureId}`;
const PLACEHOLDER = /^erased customer #\d+$/;
/** Truncating the WAL after an erasure: tries, and the wait between two. */
const TRUNCATE_ATTEMPTS = 10;
const TRUNCATE_RETRY_MS = 25;

/**
 * Export and erasure of customers' personal data over every holder in the registry. An erasure
 * is one write transaction (serialised on both engines): who the target is is looked up inside
 * it, so repeating it, or running it on two instances at once, finds nothing left the second time.
 */
export class CustomerData {
  constructor(
    private readonly store: Store,
    private readonly incidents: IncidentStore,
    /** Copies outside the database (the outbox folder's mail files), swept after each erasure. */
    private readonly outside?: OutsideCopies,
  ) {}

  private async identify(db: Store['db'], target: Target): Promise<Identity> {
    const parts: Partial<Identity>[] = await Promise.all(
      PERSONAL_DATA_HOLDERS.map((h) => h.identify?.(db, target, this.store.engine) ?? {}),
    );
    const emails = parts.flatMap((p) => p.emails ?? []);
    if (target.kind === 'email') emails.push(target.email);
    return {
      emails: [...new Set(emails)],
      // An earlier placeholder is not a name to look for.
      names: [...new Set(parts.flatMap((p) => p.names ?? []))].filter((n) => !PLACEHOLDER.test(n)),
      customerOf: uniqueIds(parts.flatMap((p) => p.customerOf ?? [])),
      affectedOn: uniqueIds(parts.flatMap((p) => p.affectedOn ?? [])),
    };
  }

  private scope(target: Target, identity: Identity, incidentIds: number[]): Scope {
    return { target, identity, incidentIds, engine: this.store.engine, prefix: this.incidents.prefix };
  }

  /**
   * Everything held about the customer with `email`, on the incidents `viewer` sees in full
   * (everything when there is no viewer: the command line).
   */
  async export(email: string, viewer?: { user: User; policy: AccessPolicy }): Promise<ExportedCustomer> {
    const target: Target = { kind: 'email', email: email.toLowerCase() };
    const identity = await this.identify(this.store.db, target);
    let incidentIds = uniqueIds([...identity.customerOf, ...identity.affectedOn]);
    if (viewer && incidentIds.length > 0) {
      const rows = await this.store.db
        .selectFrom('incidents')
        .select(['id', 'team', 'reporter_id', 'owner_id', 'participants'])
        .where('id', 'in', incidentIds)
        .orderBy('id')
        .execute();
      incidentIds = rows.filter((r) => incidentAccess(viewer.user, factsOfRow(r), viewer.policy) === 'full').map((r) => r.id);
    }
    const scope = this.scope(target, identity, incidentIds);
    const sections: Record<string, Exported> = {};
    for (const holder of PERSONAL_DATA_HOLDERS) {
      if (holder.export) sections[holder.id] = await holder.export(this.store.db, scope);
    }
    return { email: target.email, incidentIds, sections };
  }

  /** Erases the personal data of the customer with `email` everywhere. */
  eraseCustomer(email: string, eraser: Eraser): Promise<CustomerEraseResult> {
    return this.erase({ kind: 'email', email: email.toLowerCase() }, eraser);
  }

  /** Erases the personal data of everyone on the incidents `ids` (the retention policy). */
  eraseIncidents(ids: number[], eraser: Eraser): Promise<CustomerEraseResult> {
    return this.erase({ kind: 'incidents', ids }, eraser);
  }

  private async erase(target: Target, eraser: Eraser): Promise<CustomerEraseResult> {
    const result = await this.store.write((trx) => this.eraseIn(trx, target, eraser));
    if (result.incidents.length > 0) await this.purgeFreedCopies();
    // Also when nothing was left to erase: a repeat after a crash between the commit and the
    // sweep finishes the job (what is swept is decided by what the database says).
    await this.sweepOutsideCopies();
    return result;
  }

  /** Removes the copies outside the database that an erasure reached (see OutboxFiles). */
  async sweepOutsideCopies(): Promise<void> {
    await this.outside?.sweep();
  }

  /** The erasure itself, in the caller's write transaction. */
  async eraseIn(trx: Trx, target: Target, eraser: Eraser): Promise<CustomerEraseResult> {
    const identity = await this.identify(trx, target);
    const incidentIds = uniqueIds([...identity.customerOf, ...identity.affectedOn]);
    if (incidentIds.length === 0) return { placeholder: null, incidents: [], counts: {} };
    const now = new Date().toISOString();
    const scrub = scrubber(identity, '[erased]');
    // The reason is recorded; a reason that names the customer is recorded without the name.
    const reason = scrub(eraser.reason);
    const erasure = await trx
      .insertInto('customer_erasures')
      .values({
        at: now,
        actor_id: eraser.kind === 'request' ? eraser.actor.id : null,
        trigger: eraser.kind,
        reason,
        incidents: incidentIds.length,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const placeholder = placeholderFor(erasure.id);
    const scope = this.scope(target, identity, incidentIds);
    const counts: Record<string, number> = {};
    for (const holder of PERSONAL_DATA_HOLDERS) counts[holder.id] = await holder.erase(trx, scope, placeholder);

    const actorId = eraser.kind === 'request' ? eraser.actor.id : SYSTEM_ACTOR_ID;
    const by = eraser.kind === 'request' ? `by ${eraser.actor.name}` : 'by the retention policy';
    for (const id of incidentIds) {
      const row = await this.incidents.row(id, trx);
      await this.incidents.applyChange(trx, row, actorId, {
        set: target.kind === 'incidents' ? { personal_data_erased_at: now } : {},
        kind: 'customer_data_erased',
        text: `Personal data of a customer erased ${by} (now "${placeholder}"): ${reason}`,
        data: { erasure: erasure.id, placeholder, trigger: eraser.kind, reason },
      });
    }
    log.info({ erasure: erasure.id, trigger: eraser.kind, incidents: incidentIds.length, counts }, 'customer data erased');
    return { placeholder, incidents: incidentIds.map((id) => formatRef(id, this.incidents.prefix)), counts };
  }

  /**
   * SQLite keeps copies of changed text outside the live rows: the full-text index (updated
   * from its outbox) and the write-ahead log. Index now, then checkpoint and truncate the log;
   * `secure_delete` (on for every connection) has already zeroed the freed space in the file.
   */
  async purgeFreedCopies(): Promise<void> {
    if (this.store.engine !== 'sqlite') return;
    await this.store.searchIndex?.flush();
    // Busy while the WAL checkpointer's own round (a few ms) or a reader holds the log: try a few times.
    let busy = true;
    for (let attempt = 0; busy && attempt < TRUNCATE_ATTEMPTS; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, TRUNCATE_RETRY_MS));
      const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(this.store.db);
      busy = Boolean(rows[0]?.busy);
    }
    if (busy) log.warn('the write-ahead log could not be truncated after an erasure (a reader was active); it is at the next checkpoint');
  }
}
