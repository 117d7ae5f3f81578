import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new token's secret: 192 random bits, recognisable as Handoff's by its prefix. */
export const newTokenSecret = () => `hnd_${randomBytes(24).toString('base64url')}`;

/** Stores a new token for `userId` (only its hash) and returns its id and secret. */
export async function insertToken(
  db: Kysely<Database>,
  userId: number,
  label: string,
  createdBy: number | null,
): Promise<{ id: number; secret: string }> {
  const secret = newTokenSecret();
  const row = await db
    .insertInto('tokens')
    .values({ user_id: userId, label, token_hash: hashToken(secret), created_at: new Date().toISOString(), created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), secret };
}

/** The working token with this secret and its account, or undefined (unknown, revoked, or the account deactivated). */
export async function workingToken(db: Kysely<Database>, secret: string) {
  return db
    .selectFrom('tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id as token_id', 't.last_used_at', 'u.id', 'u.name', 'u.role', 'u.teams'])
    .where('t.token_hash', '=', hashToken(secret))
    .where('t.revoked_at', 'is', null)
    .where('u.deactivated_at', 'is', null)
    .executeTakeFirst();
}

/** How often "last used" is written for a token in use: often enough to tell stale tokens. */
export const LAST_USED_RESOLUTION_MS = 5 * 60_000;
