import type { MaskKind } from '@handoff/shared';

/** What decides whether a typed value may leave the browser. */
export interface MaskRules {
  /** Mask e-mail addresses too (off by default: they are often what reproduces the bug). */
  emails: boolean;
  /** Extra regular expressions (the agent's own, from the options) whose matches are masked. */
  patterns: string[];
}
export const DEFAULT_MASK_RULES: MaskRules = { emails: false, patterns: [] };

const BUILT_IN: Array<[Exclude<MaskKind, 'password' | 'pattern'>, RegExp]> = [
  // 13–19 digits, optionally grouped by spaces or dashes: card numbers.
  ['card', /\b\d(?:[ -]?\d){12,18}\b/g],
  // JWTs, common API key prefixes, long hex or base64url secrets.
  [
    'token',
    /\b(?:eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}|(?:sk|pk|rk)_(?:live|test)_\w{8,}|gh[pousr]_\w{20,}|xox[abprs]-[\w-]{10,}|[A-Fa-f0-9]{32,}|[A-Za-z0-9_-]{40,})\b/g,
  ],
];
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** A masked value: the same for every secret, so not even its length leaks. */
export const MASK = '••••';

/** Longest custom pattern and most patterns the settings keep. */
export const MAX_PATTERN_LENGTH = 500;
export const MAX_PATTERNS = 20;

/** Why a custom pattern cannot be used (the options page names it next to the box). */
export type PatternProblem =
  | { problem: 'empty' }
  | { problem: 'tooLong'; max: number }
  | { problem: 'invalid'; detail: string }
  | { problem: 'matchesEmpty' };

/**
 * A custom pattern as the recorder uses it (global, case-sensitive), or why it cannot be: empty,
 * too long, not a valid regular expression, or matching the empty text (it would mask between
 * every character).
 */
export function compilePattern(pattern: string): { ok: true; re: RegExp } | ({ ok: false } & PatternProblem) {
  if (!pattern.trim()) return { ok: false, problem: 'empty' };
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, problem: 'tooLong', max: MAX_PATTERN_LENGTH };
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'g');
  } catch (err) {
    return { ok: false, problem: 'invalid', detail: err instanceof Error ? err.message : String(err) };
  }
  if (new RegExp(pattern).test('')) return { ok: false, problem: 'matchesEmpty' };
  return { ok: true, re };
}

function rulesOf(rules: MaskRules): Array<[MaskKind, RegExp]> {
  // the options page refuses unusable patterns; an old stored one must not break recording
  const custom = rules.patterns.flatMap((p): Array<[MaskKind, RegExp]> => {
    const c = compilePattern(p);
    return c.ok ? [['pattern', c.re]] : [];
  });
  return [...BUILT_IN, ...(rules.emails ? [['email', EMAIL] as [MaskKind, RegExp]] : []), ...custom];
}

/** `text` with every secret-looking part replaced by {@link MASK}, and the kind of the first one found. */
export function maskText(text: string, rules: MaskRules): { text: string; masked?: MaskKind } {
  let masked: MaskKind | undefined;
  let out = text;
  for (const [kind, re] of rulesOf(rules)) {
    out = out.replace(re, () => {
      masked ??= kind;
      return MASK;
    });
  }
  return masked ? { text: out, masked } : { text: out };
}

/** What the recorder knows of a form field. */
export interface FieldFacts {
  tag: string;
  type: string;
  autocomplete: string;
  name: string;
}

const SECRET_NAME = /pass(?:word|wd)?|pwd|secret|\bpin\b|otp|cvc|cvv|csc|token|api[-_]?key/i;

/** Whether the field holds a password or card secret whatever is typed (by type, autocomplete or name). */
export function secretFieldKind(field: FieldFacts): 'password' | 'card' | null {
  const auto = field.autocomplete.toLowerCase();
  if (field.type === 'password' || /password/.test(auto) || SECRET_NAME.test(field.name)) return 'password';
  if (/cc-(number|csc|exp)/.test(auto)) return 'card';
  return null;
}

/**
 * The value a change step records: never a password (by field type, autocomplete or name), never a
 * card number or security code (autocomplete `cc-*`), and with secrets matching the rules masked.
 */
export function maskFieldValue(field: FieldFacts, value: string, rules: MaskRules): { value: string; masked?: MaskKind } {
  const secret = secretFieldKind(field);
  if (secret) return { value: MASK, masked: secret };
  const auto = field.autocomplete.toLowerCase();
  if (auto === 'email' && rules.emails && value) return { value: MASK, masked: 'email' };
  if (field.tag === 'select') return { value };
  const m = maskText(value, rules);
  return m.masked ? { value: m.text, masked: m.masked } : { value };
}

const SECRET_PARAM = /token|secret|pass(?:word|wd)?|pwd|auth|session|sid|(?:^|_)key|apikey|code|sig(?:nature)?|credential|jwt|otp/i;

/**
 * A URL fit to record: credentials in it removed, token-like query and fragment parameters replaced by
 * `REDACTED`, and secrets in the rest masked.
 */
export function stripUrl(url: string, rules: MaskRules): string {
  if (!URL.canParse(url)) return maskText(url, rules).text;
  const u = new URL(url);
  u.username = '';
  u.password = '';
  for (const key of [...u.searchParams.keys()]) if (SECRET_PARAM.test(key)) u.searchParams.set(key, 'REDACTED');
  if (u.hash.includes('=')) {
    const h = new URLSearchParams(u.hash.slice(1));
    for (const key of [...h.keys()]) if (SECRET_PARAM.test(key)) h.set(key, 'REDACTED');
    u.hash = h.toString();
  }
  const clean = u.toString().replace(/REDACTED/g, '§R§');
  return maskText(clean, rules).text.replace(/§R§/g, 'REDACTED');
}
