/** Default prefix of incident references (`INC-1042`); the server may configure another. */
export const DEFAULT_REF_PREFIX = 'INC';

const PREFIX_RE = /^[A-Za-z]{1,10}$/;

/** True when `prefix` can be used in references: one to ten letters. */
export function isValidRefPrefix(prefix: string): boolean {
  return PREFIX_RE.test(prefix);
}

/**
 * Formats an incident number as its reference, e.g. `formatRef(1042)` → `INC-1042`.
 * @throws RangeError for a number that is not a positive safe integer.
 */
export function formatRef(num: number, prefix: string = DEFAULT_REF_PREFIX): string {
  if (!Number.isSafeInteger(num) || num < 1) throw new RangeError(`Not an incident number: ${num}`);
  return `${prefix.toUpperCase()}-${num}`;
}

/**
 * Reads the incident number out of what a person typed: `INC-1042`, `inc-1042`, `inc 1042`,
 * `#1042` or `1042` (surrounding blanks ignored). With `prefix`, a lettered reference must use
 * that prefix (any case); without it, any prefix is accepted. Returns null when the text is not
 * a reference.
 */
export function parseRef(text: string, prefix?: string): number | null {
  const m = /^\s*(?:([A-Za-z]{1,10})[\s-]*|#\s*)?(\d{1,16})\s*$/.exec(text);
  if (!m) return null;
  const [, givenPrefix, digits] = m;
  if (givenPrefix && prefix && givenPrefix.toUpperCase() !== prefix.toUpperCase()) return null;
  const num = Number(digits);
  return Number.isSafeInteger(num) && num >= 1 ? num : null;
}

/** Normalises any accepted spelling to the canonical reference, or null (see {@link parseRef}). */
export function normalizeRef(text: string, prefix: string = DEFAULT_REF_PREFIX): string | null {
  const num = parseRef(text, prefix);
  return num === null ? null : formatRef(num, prefix);
}
