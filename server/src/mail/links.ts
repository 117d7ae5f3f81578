import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: the same shape as a share token, so one page route serves both. */
export function newMailLink(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashMailLink(token) };
}

/** Only this hash is stored; the prefix keeps it apart from share-token hashes. */
export const hashMailLink = (token: string) => createHash('sha256').update(`mail:${token}`).digest('hex');
