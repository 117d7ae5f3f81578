/**
 * What the page hooks (main world) post to the recorder (isolated world). No zod here: both run in the
 * product page and must stay small (see the bench); the recorder checks the shape by hand, and the
 * background validates everything it stores with the shared schemas.
 */
export const HOOK_SOURCE = 'handoff-recorder-hooks';
export type HookMessage =
  | { source: typeof HOOK_SOURCE; kind: 'console'; level: 'error' | 'warning'; text: string }
  | { source: typeof HOOK_SOURCE; kind: 'network'; method: string; url: string; status: number; durationMs: number };
export type HookPayload =
  | { kind: 'console'; level: 'error' | 'warning'; text: string }
  | { kind: 'network'; method: string; url: string; status: number; durationMs: number };

/** Requests slower than this are noted on the step even when they succeed. */
export const SLOW_REQUEST_MS = 2000;

/** A hook message, or null for anything else a page may post. */
export function readHookMessage(data: unknown): HookMessage | null {
  const d = data as Partial<Record<string, unknown>> | null;
  if (!d || typeof d !== 'object' || d.source !== HOOK_SOURCE) return null;
  if (d.kind === 'console' && (d.level === 'error' || d.level === 'warning') && typeof d.text === 'string') return d as HookMessage;
  if (
    d.kind === 'network' &&
    typeof d.method === 'string' &&
    typeof d.url === 'string' &&
    Number.isInteger(d.status) &&
    typeof d.durationMs === 'number'
  )
    return d as HookMessage;
  return null;
}
