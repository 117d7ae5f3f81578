import { createHash, randomBytes } from 'node:crypto';
import type { Store } from './store.js';

export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const hashFeedToken = (token: string) => createHash('sha256').update(`feed:${token}`).digest('hex');

/** Staff members' personal feed tokens: one per user, stored hashed; a new one replaces the old. */
export class FeedTokenStore {
  constructor(private readonly store: Store) {}

  async issue(userId: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const row = { user_id: userId, token_hash: hashFeedToken(token), created_at: new Date().toISOString() };
    await this.store.write((trx) =>
      trx
        .insertInto('feed_tokens')
        .values(row)
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: row.token_hash, created_at: row.created_at }))
        .execute(),
    );
    return token;
  }

  /** The user id behind a feed token, or null for an unknown or replaced one. */
  async userOf(token: string): Promise<number | null> {
    if (!FEED_TOKEN_PATTERN.test(token)) return null;
    const row = await this.store.db
      .selectFrom('feed_tokens')
      .select('user_id')
      .where('token_hash', '=', hashFeedToken(token))
      .executeTakeFirst();
    return row?.user_id ?? null;
  }
}
