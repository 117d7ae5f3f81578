import { createHash, randomBytes } from 'node:crypto';
import type { User } from '@handoff/shared';
import { hashToken, type Store, toUser } from '../../store/store.js';

/** How long a console session lives without signing in again. */
export const SESSION_HOURS = 12;
export const SESSION_COOKIE = 'handoff_console';
export const CSRF_HEADER = 'x-handoff-csrf';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface ConsoleSession {
  user: User;
  csrf: string;
}

/**
 * Staff console sessions, stored hashed in the database (any instance can serve them). A session
 * is tied to the token it was made from: it ends when that token is revoked or the account is
 * deactivated — checked on every request, not only at sign-in.
 */
export class ConsoleSessions {
  constructor(private readonly store: Store) {}

  /** Exchanges a personal token for a new session; null when the token is not valid. */
  async create(token: string): Promise<{ id: string; session: ConsoleSession } | null> {
    const user = await this.store.userByToken(token);
    if (!user) return null;
    const id = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    const now = new Date();
    await this.store.write((trx) =>
      trx
        .insertInto('console_sessions')
        .values({
          id_hash: sha256(id),
          user_id: user.id,
          token_hash: hashToken(token),
          csrf,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
        })
        .execute(),
    );
    return { id, session: { user, csrf } };
  }

  /**
   * The live session with this id: unexpired, the token it was made from not revoked, and its
   * account not deactivated.
   */
  async find(id: string): Promise<ConsoleSession | null> {
    const row = await this.store.db
      .selectFrom('console_sessions as s')
      .innerJoin('tokens as t', (j) => j.onRef('t.token_hash', '=', 's.token_hash').onRef('t.user_id', '=', 's.user_id'))
      .innerJoin('users as u', 'u.id', 's.user_id')
      .selectAll('u')
      .select(['s.csrf', 's.expires_at'])
      .where('s.id_hash', '=', sha256(id))
      .where('t.revoked_at', 'is', null)
      .where('u.deactivated_at', 'is', null)
      .executeTakeFirst();
    if (!row || row.expires_at <= new Date().toISOString()) return null;
    const { csrf, expires_at: _expires, ...user } = row;
    return { user: toUser(user), csrf };
  }

  async end(id: string): Promise<void> {
    await this.store.write((trx) => trx.deleteFrom('console_sessions').where('id_hash', '=', sha256(id)).execute());
  }
}

/** The session id from a request's Cookie header, if any. */
export function sessionIdOf(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
}
