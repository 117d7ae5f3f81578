import type { Identity } from './holder.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Names shorter than this are not searched for in free text (too many false hits: "Al", "Li"). */
const MIN_NAME_LENGTH = 3;

/**
 * A function that replaces every mention of the identity's e-mail addresses and full names in
 * a text by `placeholder` (case-insensitive, whole words only for names). Structured fields are
 * replaced outright by the holders; this covers what people wrote about the customer.
 */
export function scrubber(identity: Pick<Identity, 'emails' | 'names'>, placeholder: string): (text: string) => string {
  const words = [
    ...identity.emails.map(escapeRegExp),
    ...identity.names
      .map((n) => n.trim())
      .filter((n) => n.length >= MIN_NAME_LENGTH)
      .map((n) => escapeRegExp(n).replace(/\s+/g, '\\s+')),
  ];
  if (words.length === 0) return (text) => text;
  // Longest first, so "jane roe" wins over a shorter name inside it.
  words.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(pattern, placeholder);
}

/** Applies `scrub` to every string inside a JSON text (keys included); returns the new JSON text. */
export function scrubJson(json: string, scrub: (text: string) => string): string {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [scrub(k), walk(x)]));
    return v;
  };
  return JSON.stringify(walk(JSON.parse(json)));
}

/** Whether a text mentions the identity (what an export picks from free text). */
export function mentions(identity: Pick<Identity, 'emails' | 'names'>, text: string): boolean {
  return scrubber(identity, '\u0000')(text) !== text;
}
