import type { Kysely } from 'kysely';
import type { Database, Engine } from '../schema.js';

/** Whose personal data an export or erasure is about: one customer's e-mail, or everyone on some incidents (retention). */
export type Target = { kind: 'email'; email: string } | { kind: 'incidents'; ids: number[] };

/** Who the target is, as the store knows them, and where they appear. */
export interface Identity {
  /** E-mail addresses (lower-case) and names to find in free text. */
  emails: string[];
  names: string[];
  /** Incidents on which they are the customer. */
  customerOf: number[];
  /** Incidents on which they were added as another affected customer. */
  affectedOn: number[];
}

/** What a holder works on: the target, who that is, and the incidents in reach (visible to the caller). */
export interface Scope {
  target: Target;
  identity: Identity;
  incidentIds: number[];
  engine: Engine;
  prefix: string;
}

/** A file for the export archive (path inside the archive). */
export interface ArchiveFile {
  path: string;
  data: Uint8Array;
}

export interface Exported {
  items: unknown[];
  files?: ArchiveFile[];
}

type Db = Kysely<Database>;

/**
 * One kind of personal data the store holds: how to find who it is about, hand it over and
 * erase it. Every kind is one entry of `PERSONAL_DATA_HOLDERS` (registry.ts); a new table with
 * customers' data (subscriptions, share links, mails, …) is one more holder there.
 */
export interface PersonalDataHolder {
  /** Stable id: its section in an export's `customer.json` and its key in counts. */
  id: string;
  /** The tables whose customer data it covers (registry.test.ts checks every such table has a holder). */
  tables: string[];
  /** Records that say who a customer is (name, e-mail) and where: only holders of such records implement it. */
  identify?(db: Db, target: Target, engine: Engine): Promise<Partial<Identity>>;
  /** What it holds about the target within `scope.incidentIds`; absent when it holds nothing of its own to hand over. */
  export?(db: Db, scope: Scope): Promise<Exported>;
  /** Replaces the target's data by `placeholder` within `scope.incidentIds`; returns how many records changed. */
  erase(trx: Db, scope: Scope, placeholder: string): Promise<number>;
}
