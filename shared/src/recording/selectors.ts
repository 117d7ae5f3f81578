import type { RecorderStep } from '../schemas/recording.js';

/** A Recorder selector read back into what it names. */
export type ParsedSelector =
  | { kind: 'testId'; value: string }
  | { kind: 'role'; role: string; name: string }
  | { kind: 'label'; name: string }
  | { kind: 'text'; value: string }
  | { kind: 'xpath'; value: string }
  | { kind: 'css'; value: string };

const TEST_ID = /^\[data-testid=(?:"([^"\\]*)"|'([^'\\]*)')\]$/;
const ARIA_ROLE = /^(.*)\[role="([a-z]+)"\]$/s;

/**
 * Reads one Recorder selector (`aria/Pay now[role="button"]`, `text/…`, `xpath/…`, `pierce/…`, or CSS).
 * A chain through shadow roots or frames is read by its last part.
 */
export function parseSelector(selector: string | string[]): ParsedSelector {
  const s = Array.isArray(selector) ? (selector[selector.length - 1] ?? '') : selector;
  if (s.startsWith('aria/')) {
    const body = s.slice(5);
    const m = ARIA_ROLE.exec(body);
    return m ? { kind: 'role', role: m[2] as string, name: m[1] as string } : { kind: 'label', name: body };
  }
  if (s.startsWith('text/')) return { kind: 'text', value: s.slice(5) };
  if (s.startsWith('xpath/')) return { kind: 'xpath', value: s.slice(6) };
  const css = s.startsWith('pierce/') ? s.slice(7) : s;
  const id = TEST_ID.exec(css);
  if (id) return { kind: 'testId', value: (id[1] ?? id[2]) as string };
  return { kind: 'css', value: css };
}

/** The selectors of a step, best first (the recorder writes them in that order); empty for page-level steps. */
export function selectorsOf(step: RecorderStep): Array<string | string[]> {
  return 'selectors' in step && step.selectors ? step.selectors : [];
}

/** A short name of what a step acts on, for people: `“Pay now” (button)`, `“Card number”`, `#total`. */
export function targetName(step: RecorderStep): string {
  const parsed = selectorsOf(step).map(parseSelector);
  const named = parsed.find((p) => p.kind === 'role' || p.kind === 'label' || p.kind === 'text');
  if (named?.kind === 'role') return `“${named.name}” (${named.role})`;
  if (named?.kind === 'label') return `“${named.name}”`;
  if (named?.kind === 'text') return `“${named.value}”`;
  const first = parsed[0];
  if (!first) return 'the page';
  if (first.kind === 'testId') return `[data-testid=${first.value}]`;
  return 'value' in first ? first.value : first.name;
}
