import { randomBytes } from 'node:crypto';
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { type Kysely, type Transaction, sql } from 'kysely';
import {
  CUSTOMER_ACTOR_ID,
  type Role,
  type Team,
  type Template,
  type TemplateInput,
  type TemplateVersion,
  type User,
  type UserRef,
  QuestionSchema,
  SYSTEM_USER,
  UserSchema,
} from '@handoff/shared';
import { z } from 'zod';
import { migrate } from './migrations.js';
import { withRelaxedSync } from './relaxedSync.js';
import { type OpenOptions, openDb } from './open.js';
import type { Database, Engine, UserRow } from './schema.js';
import { log } from '../log.js';
import { ConfigCache } from './configCache.js';
import { badRequest, type StoreFault, storeFault } from './errors.js';
import { SqliteSearchIndex } from './searchIndex.js';
import { hashToken, insertToken, LAST_USED_RESOLUTION_MS, workingToken } from './tokens.js';
import { MAIN_AUTOCHECKPOINT_PAGES, WalCheckpointer } from './walCheckpointer.js';

export { hashToken } from './tokens.js';

export type Trx = Transaction<Database>;

/** Every write transaction on PostgreSQL takes this lock, so event ids commit in id order. */
const WRITE_LOCK_KEY = 41_004_100;
export const PG_EVENTS_CHANNEL = 'handoff_events';
/** Free space below which a store that ran out of disk still counts as full. */
const MIN_FREE_BYTES = 1024 * 1024;

/** The actor of what the server does by itself (e.g. the retention policy's erasures). */
export const SYSTEM_ACTOR_ID = 0;

export function toUser(row: Pick<UserRow, 'id' | 'name' | 'role' | 'teams'>): User {
  return UserSchema.parse({ id: row.id, name: row.name, role: row.role, teams: JSON.parse(row.teams) });
}

/** The database and the small, slowly changing tables (users, teams, routing, templates). */
export class Store {
  /** Names by user id; the customer writing on their page (no account) is id 0. */
  private readonly userNames = new Map<number, string>([[CUSTOMER_ACTOR_ID, 'Customer']]);
  /** Called after every committed write (the event hub polls for new events). */
  onCommit: () => void = () => undefined;

  /** SQLite's batched full-text indexer (PostgreSQL indexes in the row itself). */
  readonly searchIndex: SqliteSearchIndex | null;

  /** Tokens, templates, routing, service levels and staff mail as last read (see ConfigCache). */
  readonly config: ConfigCache;

  /** The fault the last write hit (disk full, database unreachable), until one succeeds again. */
  fault: { kind: StoreFault; since: string; message: string } | null = null;

  /** SQLite's write-ahead log checkpointer, off the event loop (null on PostgreSQL, or when not built). */
  walCheckpointer: WalCheckpointer | null = null;

  private constructor(
    readonly db: Kysely<Database>,
    readonly engine: Engine,
    readonly location: string,
    readonly pgConfig: import('pg').PoolConfig | undefined,
  ) {
    this.searchIndex = engine === 'sqlite' ? new SqliteSearchIndex(db) : null;
    this.config = new ConfigCache(db);
    this.searchIndex?.schedule(); // whatever the last run left pending
  }

  static async open(opts: OpenOptions): Promise<Store> {
    const opened = await openDb(opts);
    try {
      await migrate(opened.db, opened.engine);
    } catch (err) {
      await opened.db.destroy();
      throw err;
    }
    if (opened.unclean) await skipIdsALossCouldReuse(opened.db);
    const store = new Store(opened.db, opened.engine, opened.location, opened.pgConfig);
    if (store.engine === 'sqlite' && opts.walCheckpointer !== false) await store.startWalCheckpointer();
    return store;
  }

  /**
   * Hands checkpoints to a worker thread: the server's connection then checkpoints by itself only
   * as a safety net, when the WAL has grown far (should the worker fall behind or be gone).
   */
  private async startWalCheckpointer(): Promise<void> {
    this.walCheckpointer = WalCheckpointer.start(this.location, {
      onLost: () => {
        this.walCheckpointer = null;
        // SQLite's default again: the WAL must not grow to the safety net on every cycle.
        void sql`pragma wal_autocheckpoint = 1000`.execute(this.db).catch(() => undefined);
      },
    });
    if (this.walCheckpointer) await sql`pragma wal_autocheckpoint = ${sql.raw(String(MAIN_AUTOCHECKPOINT_PAGES))}`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.searchIndex?.stop();
    // Before the connection: the last connection to close checkpoints what is left and removes the WAL.
    await this.walCheckpointer?.stop();
    await this.db.destroy();
  }

  /**
   * Runs `fn` in one transaction that returns only once the commit is durable — unless
   * `durability` is `relaxed` on SQLite: then the commit does not wait for the disk
   * (synchronous=NORMAL, for this transaction only). A relaxed commit survives a crash of the
   * process; an OS crash or power cut can lose it until the next durable commit or checkpoint
   * (the checkpointer thread's next round). Only for derived writes that are made again when lost
   * (the service-level scheduler's), never for what a client is told was saved. The timeline ids
   * such a loss would hand out again are skipped at the next start (see Store.open).
   * PostgreSQL always commits durably: asynchronous commit measured no faster scheduler ticks
   * there (its ticks are round trips, not flushes), and a crash could reuse sequence values.
   */
  async write<T>(fn: (trx: Trx) => Promise<T>, opts: { durability?: 'durable' | 'relaxed' } = {}): Promise<T> {
    const relaxed = opts.durability === 'relaxed';
    const transact = (db: Kysely<Database>) =>
      db.transaction().execute(async (trx) => {
        if (this.engine === 'postgres') await sql`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`.execute(trx);
        const value = await fn(trx);
        // Delivered to every instance's listener only when (and if) the transaction commits.
        if (this.engine === 'postgres') await sql`select pg_notify(${PG_EVENTS_CHANNEL}, '')`.execute(trx);
        return value;
      });
    let result: T;
    try {
      result = await (relaxed && this.engine === 'sqlite' ? withRelaxedSync(this.db, transact) : transact(this.db));
    } catch (err) {
      const fault = storeFault(err);
      if (fault) this.noteFault(fault, err);
      throw err;
    }
    if (this.fault) this.recovered();
    this.searchIndex?.schedule();
    this.onCommit();
    return result;
  }

  /** Records (and logs, once per fault) that the store cannot write: /healthz reports it. */
  noteFault(kind: StoreFault, cause: unknown): void {
    if (this.fault?.kind === kind) return;
    const message = cause instanceof Error ? cause.message : String(cause);
    this.fault = { kind, since: new Date().toISOString(), message };
    log.error({ err: cause, fault: kind, store: this.location }, `store fault: ${kind}`);
  }

  private recovered(): void {
    log.warn({ fault: this.fault?.kind, since: this.fault?.since }, 'store writes work again');
    this.fault = null;
  }

  /**
   * Whether the store can serve: reachable, and not stuck on a full disk. After a disk-full
   * fault on SQLite it checks the free space and, once there is some again, checkpoints the
   * write-ahead log (which may have grown while commits failed) so the space stays usable.
   */
  async health(): Promise<{ ok: true } | { ok: false; error: string }> {
    try {
      await sql`select 1`.execute(this.db);
    } catch (err) {
      return { ok: false, error: `database unavailable: ${(err as Error).message}` };
    }
    if (this.fault?.kind === 'unavailable') this.recovered();
    if (this.fault?.kind === 'disk_full' && this.engine === 'sqlite') {
      const fs = await statfs(path.dirname(this.location));
      const free = fs.bavail * fs.bsize;
      if (free < MIN_FREE_BYTES) return { ok: false, error: `the disk is full (${free} bytes free at ${path.dirname(this.location)})` };
      try {
        await sql`pragma wal_checkpoint(TRUNCATE)`.execute(this.db);
        this.recovered();
      } catch (err) {
        return { ok: false, error: `the disk was full; checkpointing the write-ahead log still fails: ${(err as Error).message}` };
      }
    }
    if (this.fault)
      return {
        ok: false,
        error: `${this.fault.kind === 'disk_full' ? 'the disk is full' : 'database unavailable'} since ${this.fault.since}: ${this.fault.message}`,
      };
    return { ok: true };
  }

  // ---- users ----

  /** Adds a person with a first token; returns the token's secret (shown once, stored hashed). */
  async addUser(
    input: { name: string; role: Role; teams: string[] },
    trx?: Trx,
    createdBy: number | null = null,
  ): Promise<{ user: User; token: string; tokenId: number }> {
    return this.inWrite(trx, async (db) => {
      const row = await db
        .insertInto('users')
        .values({
          name: input.name,
          role: input.role,
          teams: JSON.stringify(input.teams),
          // Tokens live in their own table; this legacy column only has to be unique.
          token_hash: `unused:${randomBytes(16).toString('hex')}`,
          created_at: new Date().toISOString(),
          deactivated_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const token = await insertToken(db, row.id, 'first token', createdBy);
      return { user: toUser(row), token: token.secret, tokenId: token.id };
    });
  }

  /** Revokes every token of a person and gives them one new one (what a lost laptop calls for). */
  async resetToken(userId: number): Promise<string> {
    return this.write(async (trx) => {
      await trx
        .updateTable('tokens')
        .set({ revoked_at: new Date().toISOString() })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute();
      return (await insertToken(trx, userId, 'reset token', null)).secret;
    });
  }

  /**
   * The person a working token belongs to, and which token it is; null for any other string.
   * Working tokens are cached until any token or account changes (a revocation or deactivation
   * committed before the request began refuses it, on whichever server it was made).
   */
  async credentialByToken(secret: string): Promise<{ user: User; tokenId: number } | null> {
    await this.config.refresh();
    const hash = hashToken(secret);
    const key = `token:${hash}`;
    const row = await this.config.get(key, () => workingToken(this.db, secret));
    if (!row) {
      // Unknown strings are not kept: guessing must not fill the cache.
      this.config.forget(key);
      return null;
    }
    const tokenId = Number(row.token_id);
    const now = Date.now();
    if (!row.last_used_at || now - Date.parse(row.last_used_at) > LAST_USED_RESOLUTION_MS) {
      // The cached row remembers it too, or every request until the next change would write it.
      row.last_used_at = new Date(now).toISOString();
      // Not worth a request's latency, nor failing it: written in the background, at most every few minutes.
      void this.db
        .updateTable('tokens')
        .set({ last_used_at: new Date(now).toISOString() })
        .where('id', '=', tokenId)
        .execute()
        .catch((err: unknown) => log.warn({ err, tokenId }, 'could not record when a token was last used'));
    }
    return { user: toUser(row), tokenId };
  }

  async userByToken(secret: string): Promise<User | null> {
    return (await this.credentialByToken(secret))?.user ?? null;
  }

  /** Runs `fn` in the caller's transaction when there is one, else in a new one. */
  async inWrite<T>(trx: Trx | undefined, fn: (db: Trx) => Promise<T>): Promise<T> {
    return trx ? fn(trx) : this.write(fn);
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('name').execute();
    return rows.map(toUser);
  }

  async userById(id: number): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  /** Id and name of users, cached: names never change once created. */
  async userRefs(ids: Iterable<number>): Promise<Map<number, UserRef>> {
    if (!this.userNames.has(SYSTEM_USER.id)) this.userNames.set(SYSTEM_USER.id, SYSTEM_USER.name);
    const missing = [...new Set(ids)].filter((id) => !this.userNames.has(id));
    if (missing.length > 0) {
      const rows = await this.db.selectFrom('users').select(['id', 'name']).where('id', 'in', missing).execute();
      for (const r of rows) this.userNames.set(r.id, r.name);
    }
    const out = new Map<number, UserRef>();
    for (const id of ids) {
      out.set(id, { id, name: this.userNames.get(id) ?? `user #${id}` });
    }
    return out;
  }

  // ---- teams and routing ----

  async listTeams(): Promise<Team[]> {
    return this.db.selectFrom('teams').select(['id', 'name', 'tier']).orderBy('id').execute();
  }

  /** Creates or renames a team; its tier changes only when given (a new team starts in tier 1). */
  async upsertTeam(team: Team, in_?: Trx): Promise<Team> {
    const row = await this.inWrite(in_, (trx) =>
      trx
        .insertInto('teams')
        .values({ id: team.id, name: team.name, tier: team.tier ?? 1 })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet(team.tier === undefined ? { name: team.name } : { name: team.name, tier: team.tier }),
        )
        .returning(['id', 'name', 'tier'])
        .executeTakeFirstOrThrow(),
    );
    return row;
  }

  async addRoutingRule(rule: { category?: string | undefined; component?: string | undefined; team: string }, in_?: Trx) {
    if (!in_) await this.requireTeam(rule.team);
    return this.inWrite(in_, (trx) =>
      trx
        .insertInto('routing_rules')
        .values({ category: rule.category ?? null, component: rule.component ?? null, team: rule.team })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  }

  async listRoutingRules() {
    return this.db.selectFrom('routing_rules').selectAll().orderBy('id').execute();
  }

  async deleteRoutingRule(id: number, in_?: Trx): Promise<boolean> {
    const res = await this.inWrite(in_, (trx) => trx.deleteFrom('routing_rules').where('id', '=', id).executeTakeFirst());
    return Number(res.numDeletedRows) > 0;
  }

  /** BAD_REQUEST naming `field` and the known teams when `team` does not exist. */
  async requireTeam(team: string, field = 'team'): Promise<void> {
    const found = await this.db.selectFrom('teams').select('id').where('id', '=', team).executeTakeFirst();
    if (!found) {
      const known = (await this.listTeams()).map((t) => t.id).join(', ') || 'none yet';
      throw badRequest(`${field}: unknown team "${team}". Known teams: ${known}.`);
    }
  }

  /**
   * The team a new incident is routed to: a rule matching both category and component wins over
   * one matching the component, which wins over one matching the category; ties go to the oldest.
   */
  async suggestTeam(category: string, component?: string | null, db: Kysely<Database> = this.db): Promise<string | null> {
    const rules = await db
      .selectFrom('routing_rules')
      .selectAll()
      .where((eb) => eb.or([eb('category', '=', category), eb('category', 'is', null)]))
      .where((eb) => (component ? eb.or([eb('component', '=', component), eb('component', 'is', null)]) : eb('component', 'is', null)))
      .orderBy('id')
      .execute();
    const score = (r: (typeof rules)[number]) => (r.component ? 2 : 0) + (r.category ? 1 : 0);
    const best = rules.reduce<(typeof rules)[number] | undefined>((b, r) => (!b || score(r) > score(b) ? r : b), undefined);
    return best?.team ?? null;
  }

  // ---- templates ----

  async listTemplates(): Promise<Template[]> {
    const rows = await this.db
      .selectFrom('templates as t')
      .selectAll()
      .where('t.version', '=', (eb) =>
        eb
          .selectFrom('templates as l')
          .select((e) => e.fn.max('l.version').as('v'))
          .whereRef('l.category', '=', 't.category'),
      )
      .orderBy('t.category')
      .execute();
    return rows.map(toTemplate);
  }

  async latestTemplate(category: string, db: Kysely<Database> = this.db): Promise<Template | null> {
    const row = await db
      .selectFrom('templates')
      .selectAll()
      .where('category', '=', category)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toTemplate(row) : null;
  }

  /** One version of a category's questions (the one an incident was captured with), or null. */
  async templateVersion(category: string, version: number, db: Kysely<Database> = this.db): Promise<Template | null> {
    const row = await db
      .selectFrom('templates')
      .selectAll()
      .where('category', '=', category)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? toTemplate(row) : null;
  }

  /** Every version of a category's questions, newest first, with when each was saved. */
  async templateHistory(category: string): Promise<TemplateVersion[]> {
    const rows = await this.db.selectFrom('templates').selectAll().where('category', '=', category).orderBy('version', 'desc').execute();
    return rows.map((r) => ({ ...toTemplate(r), createdAt: r.created_at, savedBy: r.saved_by }));
  }

  /** Stores a new version of a category's questions; earlier versions stay for old incidents. */
  async upsertTemplate(input: TemplateInput, in_?: Trx, savedBy: string | null = null): Promise<Template> {
    const row = await this.inWrite(in_, async (trx) => {
      const current = await this.latestTemplate(input.category, trx);
      return trx
        .insertInto('templates')
        .values({
          category: input.category,
          version: (current?.version ?? 0) + 1,
          label: input.label,
          questions: JSON.stringify(input.questions),
          escalate_when: input.escalateWhen ?? null,
          created_at: new Date().toISOString(),
          saved_by: savedBy,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    return toTemplate(row);
  }
}

function toTemplate(row: { category: string; version: number; label: string; questions: string; escalate_when: string | null }): Template {
  return {
    escalateWhen: row.escalate_when,
    category: row.category,
    label: row.label,
    version: row.version,
    questions: z.array(QuestionSchema).parse(JSON.parse(row.questions)),
  };
}

/** Timeline ids skipped after an unclean shutdown: more than relaxed commits could have lost. */
export const UNCLEAN_ID_GAP = 100_000;

/**
 * After an unclean shutdown of SQLite (its write-ahead log still there): relaxed commits (see
 * Store.write) that an OS crash or power cut lost had taken timeline ids — live events clients
 * may have received and remember as their last id. SQLite would hand those ids out again, and a
 * client resuming after one would skip the new event. The id sequence moves past any id such a
 * loss could have handed out.
 */
async function skipIdsALossCouldReuse(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const moved = await sql`update sqlite_sequence set seq = seq + ${UNCLEAN_ID_GAP} where name = 'timeline'`.execute(trx);
    if (!moved.numAffectedRows) await sql`insert into sqlite_sequence (name, seq) values ('timeline', ${UNCLEAN_ID_GAP})`.execute(trx);
  });
  log.info({ gap: UNCLEAN_ID_GAP }, 'the data file was not closed cleanly: timeline ids a lost relaxed commit may have used are skipped');
}
