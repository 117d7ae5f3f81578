import { normalizeRef } from '@handoff/shared';

/** Scheme of the read-only virtual documents (steps to reproduce) this extension provides. */
export const HANDOFF_SCHEME = 'handoff';

export type OpenUriResult =
  | { ok: true; ref: string }
  | { ok: false; problem: 'unknownPath' | 'missingRef' | 'malformedRef'; given?: string };

/**
 * Parses the path and query of an external URI `vscode://handoff.handoff-vscode/open?ref=INC-1042`
 * (links from the browser extension, chat or a CRM). Any reference spelling is accepted.
 */
export function parseOpenUri(path: string, query: string, prefix: string): OpenUriResult {
  if (path.replace(/\/+$/, '') !== '/open') return { ok: false, problem: 'unknownPath', given: path };
  const given = new URLSearchParams(query).get('ref');
  if (!given?.trim()) return { ok: false, problem: 'missingRef' };
  const ref = normalizeRef(given, prefix);
  return ref ? { ok: true, ref } : { ok: false, problem: 'malformedRef', given };
}

/** The external URI that opens `ref` in VS Code, for sharing (`uriScheme` is `vscode`, `vscode-insiders`, …). */
export function buildOpenUri(uriScheme: string, extensionId: string, ref: string): string {
  return `${uriScheme}://${extensionId.toLowerCase()}/open?ref=${encodeURIComponent(ref)}`;
}

/** Path of the virtual steps document of `ref`: `/INC-1042/steps.md` (the .md makes it Markdown). */
export function stepsDocPath(ref: string): string {
  return `/${encodeURIComponent(ref)}/steps.md`;
}

/** The reference a steps document path belongs to, or null. */
export function parseStepsDocPath(path: string): string | null {
  const m = /^\/([^/]+)\/steps\.md$/.exec(path);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}
