import { compilePattern, MAX_PATTERNS, type PatternProblem } from '../recording/mask';

export type AddPatternResult =
  | { ok: true; patterns: string[] }
  | ({ ok: false } & (PatternProblem | { problem: 'duplicate' } | { problem: 'tooMany'; max: number }));

/** The agent's list with `pattern` added, or why it cannot be (the options page says so next to the box). */
export function addPattern(patterns: readonly string[], pattern: string): AddPatternResult {
  if (patterns.includes(pattern)) return { ok: false, problem: 'duplicate' };
  if (patterns.length >= MAX_PATTERNS) return { ok: false, problem: 'tooMany', max: MAX_PATTERNS };
  const c = compilePattern(pattern);
  if (!c.ok) {
    const { ok: _, ...problem } = c;
    return { ok: false, ...problem };
  }
  return { ok: true, patterns: [...patterns, pattern] };
}
