/** What went wrong talking to the server, in terms a person can act on. */
export type ApiProblem = 'unreachable' | 'unauthorized' | 'forbidden' | 'notFound' | 'badRequest' | 'other';

interface ErrorLike {
  message?: unknown;
  data?: { code?: unknown; httpStatus?: unknown } | null;
  cause?: unknown;
}

/**
 * Classifies a tRPC client error. A failed fetch (no response: refused, DNS, TLS) has no `data`;
 * a response carries the tRPC error code. Uses the structured fields, never the message text.
 */
export function classifyApiError(err: unknown): ApiProblem {
  const e = (err ?? {}) as ErrorLike;
  const code = e.data?.code;
  const status = e.data?.httpStatus;
  if (code === 'UNAUTHORIZED' || status === 401) return 'unauthorized';
  if (code === 'FORBIDDEN' || status === 403) return 'forbidden';
  if (code === 'NOT_FOUND' || status === 404) return 'notFound';
  if (code === 'BAD_REQUEST' || status === 400) return 'badRequest';
  if (!e.data) return 'unreachable';
  return 'other';
}

/** The server's own message (it names the field or reference), without stack or prefix. */
export function serverMessage(err: unknown): string {
  const m = (err as ErrorLike | null)?.message;
  return typeof m === 'string' && m ? m : String(err);
}
