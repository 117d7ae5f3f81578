import { TRPCClientError } from '@trpc/client';

/** Codes a retry cannot fix: the capture needs a person (fix a field, a token, a role). */
const PERMANENT = new Set([
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'UNPROCESSABLE_CONTENT',
  'PARSE_ERROR',
  'METHOD_NOT_SUPPORTED',
]);

export type ErrorKind = 'unreachable' | 'unauthorized' | 'forbidden' | 'invalid' | 'server';

export function errorCode(err: unknown): string | undefined {
  if (!(err instanceof TRPCClientError)) return undefined;
  const data = err.data as { code?: unknown } | undefined;
  return typeof data?.code === 'string' ? data.code : undefined;
}

/** How an error from the server should be treated and shown. */
export function classifyError(err: unknown): ErrorKind {
  const code = errorCode(err);
  if (code === 'UNAUTHORIZED') return 'unauthorized';
  if (code === 'FORBIDDEN') return 'forbidden';
  if (code && PERMANENT.has(code)) return 'invalid';
  if (code) return 'server';
  return 'unreachable'; // no tRPC error body: the request never reached a Handoff server
}

export function isPermanent(err: unknown): boolean {
  const code = errorCode(err);
  return code !== undefined && PERMANENT.has(code);
}

/** A message a person can act on; never a stack trace. */
export function errorText(err: unknown): string {
  if (err instanceof TRPCClientError && errorCode(err)) return err.message.slice(0, 500);
  return err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200);
}
