import type { Step } from '@handoff/shared';

/**
 * PostgreSQL keeps `SessionStore.handle` or `CartReducer.ts:43` as one token while FTS5 splits
 * them, so both engines index (and are queried with) text in which every run of characters
 * other than letters and digits is a single space. The same words then match on both.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

export function searchDocument(title: string, description: string, steps: Step[]): { title: string; body: string } {
  const stepText = steps.map((s) => [s.action, s.expected ?? '', s.actual ?? ''].join(' ')).join(' ');
  return { title: normalizeForSearch(title), body: normalizeForSearch(`${description} ${stepText}`) };
}

const STOP_WORDS = new Set(
  (
    'a an and are as at be but by can cannot could did do does for from had has have he her his how i if in into is it its ' +
    'me my no not of on or our she so than that the their them then there they this to up was we were what when where which ' +
    'who why will with would you your'
  ).split(' '),
);

/**
 * The search terms of what someone typed: normalised words without stop words, at most 12.
 * `prefixLast` is true when the text does not end in a blank — the last word may be unfinished.
 */
export function searchTerms(text: string): { terms: string[]; prefixLast: boolean } {
  const terms = normalizeForSearch(text)
    .split(' ')
    .filter((t) => t.length > 0 && !STOP_WORDS.has(t))
    .slice(0, 12);
  const prefixLast = terms.length > 0 && /[\p{L}\p{N}]$/u.test(text);
  // A one-letter fragment being typed matches most of the index and says nothing yet.
  if (prefixLast && terms[terms.length - 1]!.length < 2) return { terms: terms.slice(0, -1), prefixLast: false };
  return { terms, prefixLast };
}
