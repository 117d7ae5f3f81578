import { normalizeRef, parseRef } from '@handoff/shared';

export type ReferenceInput = { ok: true; ref: string } | { ok: false; problem: 'empty' | 'malformed' | 'wrongPrefix' };

/**
 * What the "Open Incident…" box accepts: `INC-1042`, `inc 1042`, `#1042`, `1042`.
 * Distinguishes an empty box, text that is no reference at all, and a reference with another
 * prefix (e.g. `BUG-12` when the server uses `INC`), so each gets its own message.
 */
export function parseReferenceInput(text: string, prefix: string): ReferenceInput {
  if (!text.trim()) return { ok: false, problem: 'empty' };
  const ref = normalizeRef(text, prefix);
  if (ref) return { ok: true, ref };
  return { ok: false, problem: parseRef(text) === null ? 'malformed' : 'wrongPrefix' };
}
