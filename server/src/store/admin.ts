import {
  type Account,
  type AuditAction,
  type AuditEntry,
  type AuditListInput,
  type IssuedToken,
  MAX_TOKENS_PER_USER,
  type Token,
  type UpdateUserInput,
  type User,
} from '@handoff/shared';
import type { Kysely } from 'kysely';
import { badRequest, conflict, notFound } from './errors.js';
import type { Database } from './schema.js';
import { type Store, type Trx, toUser } from './store.js';
import { insertToken } from './tokens.js';

/** Who made an administrative change: a signed-in person, or the server's command line. */
export interface Actor {
  id: number | null;
  name: string;
}
export const actorOf = (user: User): Actor => ({ id: user.id, name: user.name });
export const COMMAND_LINE: Actor = { id: null, name: 'command line' };

/** Appends to the audit log, in the transaction of the change it records. */
export async function recordAudit(
  trx: Kysely<Database>,
  actor: Actor,
  action: AuditAction,
  target: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      actor_id: actor.id,
      actor_name: actor.name,
      action,
      target,
      before: before === null || before === undefined ? null : JSON.stringify(before),
      after: after === null || after === undefined ? null : JSON.stringify(after),
    })
    .execute();
}

type TokenRow = { id: number; user_id: number; label: string; created_at: string; last_used_at: string | null; revoked_at: string | null };

/**
 * Accounts, tokens and the audit log. Every change is written together with its audit entry, in
 * one transaction, and then the open live streams are re-checked (see CredentialWatch).
 */
export class AdminStore {
  /** Called after a change to accounts or tokens commits (open live streams re-check theirs). */
  onCredentialsChanged: () => void = () => undefined;

  constructor(private readonly store: Store) {}

  private get db() {
    return this.store.db;
  }

  async listAccounts(): Promise<Account[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('name').execute();
    const counts = await this.db
      .selectFrom('tokens')
      .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('revoked_at', 'is', null)
      .groupBy('user_id')
      .execute();
    const active = new Map(counts.map((c) => [c.user_id, Number(c.n)]));
    return rows.map((r) => ({
      ...toUser(r),
      active: r.deactivated_at === null,
      deactivatedAt: r.deactivated_at,
      createdAt: r.created_at,
      activeTokens: active.get(r.id) ?? 0,
    }));
  }

  private async account(trx: Kysely<Database>, id: number) {
    const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`User ${id}`);
    return row;
  }

  /** Admins left who could undo a change (active ones), other than `exceptId`. */
  private async otherActiveAdmins(trx: Kysely<Database>, exceptId: number): Promise<number> {
    const r = await trx
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('deactivated_at', 'is', null)
      .where('id', '!=', exceptId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  private async changed<T>(fn: (trx: Trx) => Promise<T>): Promise<T> {
    const result = await this.store.write(fn);
    this.onCredentialsChanged();
    return result;
  }

  async addUser(input: { name: string; role: User['role']; teams: string[] }, actor: Actor): Promise<{ user: User; token: string }> {
    return this.changed(async (trx) => {
      const added = await this.store.addUser(input, trx, actor.id);
      await recordAudit(trx, actor, 'user.add', `user ${added.user.id}`, null, added.user);
      return { user: added.user, token: added.token };
    });
  }

  async updateUser(input: UpdateUserInput, actor: Actor): Promise<User> {
    return this.changed(async (trx) => {
      const row = await this.account(trx, input.id);
      const before = toUser(row);
      const after: User = {
        ...before,
        ...(input.name !== undefined && { name: input.name }),
        ...(input.role && { role: input.role }),
        ...(input.teams && { teams: input.teams }),
      };
      if (
        before.role === 'admin' &&
        after.role !== 'admin' &&
        row.deactivated_at === null &&
        (await this.otherActiveAdmins(trx, row.id)) === 0
      ) {
        throw conflict(`role: ${before.name} is the last active admin; make someone else admin first.`);
      }
      await trx
        .updateTable('users')
        .set({ name: after.name, role: after.role, teams: JSON.stringify(after.teams) })
        .where('id', '=', row.id)
        .execute();
      await recordAudit(trx, actor, 'user.update', `user ${row.id}`, before, after);
      return after;
    });
  }

  /** Deactivated accounts keep their history; none of their tokens works until reactivated. */
  async setActive(id: number, active: boolean, actor: Actor): Promise<Account> {
    await this.changed(async (trx) => {
      const row = await this.account(trx, id);
      if (active === (row.deactivated_at === null)) return; // already so: nothing to record
      if (!active && actor.id === id) throw badRequest('id: you cannot deactivate your own account; ask another admin.');
      if (!active && row.role === 'admin' && (await this.otherActiveAdmins(trx, id)) === 0) {
        throw conflict(`id: ${row.name} is the last active admin; make someone else admin first.`);
      }
      const at = active ? null : new Date().toISOString();
      await trx.updateTable('users').set({ deactivated_at: at }).where('id', '=', id).execute();
      await recordAudit(trx, actor, active ? 'user.reactivate' : 'user.deactivate', `user ${id}`, { active: !active }, { active });
    });
    const account = (await this.listAccounts()).find((a) => a.id === id);
    if (!account) throw notFound(`User ${id}`);
    return account;
  }

  async listTokens(userId: number, includeRevoked: boolean): Promise<Token[]> {
    let q = this.db
      .selectFrom('tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id', 't.user_id', 'u.name', 't.label', 't.created_at', 't.last_used_at', 't.revoked_at'])
      .where('t.user_id', '=', userId);
    if (!includeRevoked) q = q.where('t.revoked_at', 'is', null);
    const rows = await q.orderBy('t.id', 'desc').execute();
    return rows.map((r) => toToken(r, r.name));
  }

  /** The token (for deciding who may act on it), or 404. */
  async token(id: number): Promise<Token> {
    const row = await this.db
      .selectFrom('tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id', 't.user_id', 'u.name', 't.label', 't.created_at', 't.last_used_at', 't.revoked_at'])
      .where('t.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound(`Token ${id}`);
    return toToken(row, row.name);
  }

  async issueToken(userId: number, label: string, actor: Actor): Promise<IssuedToken> {
    const issued = await this.changed(async (trx) => {
      const row = await this.account(trx, userId);
      if (row.deactivated_at !== null) throw badRequest(`userId: ${row.name}'s account is deactivated; reactivate it first.`);
      const n = await trx
        .selectFrom('tokens')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(n.n) >= MAX_TOKENS_PER_USER) {
        throw badRequest(`userId: ${row.name} has ${MAX_TOKENS_PER_USER} working tokens (the most allowed); revoke one first.`);
      }
      const token = await insertToken(trx, userId, label, actor.id);
      await recordAudit(trx, actor, 'token.issue', `token ${token.id}`, null, { user: userId, label });
      return token;
    });
    return { token: await this.token(issued.id), secret: issued.secret };
  }

  /** Revoking twice is not an error: the token stays revoked and nothing new is recorded. */
  async revokeToken(id: number, actor: Actor): Promise<Token> {
    await this.changed(async (trx) => {
      const res = await trx
        .updateTable('tokens')
        .set({ revoked_at: new Date().toISOString() })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) > 0)
        await recordAudit(trx, actor, 'token.revoke', `token ${id}`, { revoked: false }, { revoked: true });
    });
    return this.token(id);
  }

  /** A new secret under the same label; the old one stops working at once. */
  async rotateToken(id: number, actor: Actor): Promise<IssuedToken> {
    const issued = await this.changed(async (trx) => {
      const old = await trx.selectFrom('tokens').selectAll().where('id', '=', id).executeTakeFirst();
      if (!old) throw notFound(`Token ${id}`);
      if (old.revoked_at !== null) throw badRequest(`id: token ${id} is revoked; issue a new one instead.`);
      await trx.updateTable('tokens').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).execute();
      const token = await insertToken(trx, old.user_id, old.label, actor.id);
      await recordAudit(trx, actor, 'token.rotate', `token ${id}`, { token: id }, { token: token.id });
      return token;
    });
    return { token: await this.token(issued.id), secret: issued.secret };
  }

  async listAudit(opts: AuditListInput): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll();
    if (opts.beforeId !== undefined) q = q.where('id', '<', opts.beforeId);
    if (opts.action) q = q.where('action', '=', opts.action);
    if (opts.actorId !== undefined) q = q.where('actor_id', '=', opts.actorId);
    if (opts.target) q = q.where('target', '=', opts.target);
    // Stored as ISO text in UTC: normalised bounds compare correctly as strings on both engines.
    if (opts.from) q = q.where('at', '>=', new Date(opts.from).toISOString());
    if (opts.to) q = q.where('at', '<', new Date(opts.to).toISOString());
    const rows = await q.orderBy('id', 'desc').limit(opts.limit).execute();
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actor: { id: r.actor_id, name: r.actor_name },
      action: r.action as AuditAction,
      target: r.target,
      before: r.before === null ? null : JSON.parse(r.before),
      after: r.after === null ? null : JSON.parse(r.after),
    }));
  }
}

function toToken(r: TokenRow & { user_id: number }, userName: string): Token {
  return {
    id: Number(r.id),
    user: { id: r.user_id, name: userName },
    label: r.label,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}
