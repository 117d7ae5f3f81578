/** A reference found in a line of text: columns [start, end) and the canonical reference. */
export interface RefMatch {
  start: number;
  end: number;
  ref: string;
}

/** Languages whose whole text is prose, so every reference in them is a link. */
const PROSE_LANGUAGES = new Set(['markdown', 'git-commit', 'scminput', 'plaintext', 'git-rebase']);

/** Line-comment and block-comment openers of common languages (a heuristic; no tokenizer needed). */
const COMMENT_START = /(\/\/|\/\*|^\s*\*|#|--|<!--|;;|^\s*')/;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds `INC-1234` references in one line. In prose languages every occurrence counts; in code,
 * only those after a comment opener on the same line, or on a line inside a block comment
 * (`inBlockComment`), so identifiers like `INC-1` in code stay plain.
 */
export function findRefsInLine(line: string, languageId: string, prefix: string, inBlockComment = false): RefMatch[] {
  const re = new RegExp(`\\b(${escapeRe(prefix)})-(\\d{1,15})\\b`, 'gi');
  let commentFrom = 0;
  if (!PROSE_LANGUAGES.has(languageId) && !inBlockComment) {
    const m = COMMENT_START.exec(line);
    if (!m) return [];
    commentFrom = m.index;
  }
  const found: RefMatch[] = [];
  for (const m of line.matchAll(re)) {
    if (m.index < commentFrom) continue;
    found.push({ start: m.index, end: m.index + m[0].length, ref: `${prefix.toUpperCase()}-${Number(m[2])}` });
  }
  return found;
}

/**
 * Tracks C-style block comments across lines: returns, for each line, whether it starts inside
 * a block comment. Good enough for `/* … INC-12 … *\/` spanning lines in JS, Java, Go, C#, etc.
 */
export function blockCommentStates(lines: readonly string[]): boolean[] {
  const states: boolean[] = [];
  let inside = false;
  for (const line of lines) {
    states.push(inside);
    let i = 0;
    while (i < line.length) {
      if (!inside && line.startsWith('//', i)) break;
      if (!inside && line.startsWith('/*', i)) {
        inside = true;
        i += 2;
      } else if (inside && line.startsWith('*/', i)) {
        inside = false;
        i += 2;
      } else i++;
    }
  }
  return states;
}
