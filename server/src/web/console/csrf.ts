import type { IncomingMessage } from 'node:http';
import { CSRF_HEADER } from './sessions.js';

/**
 * Whether a request comes from a page of this server: a browser sends `Origin` on every
 * cross-site request and on same-site POSTs; when present it must name this host.
 */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Why a cookie-authenticated request is refused (cross-site, or without the session's CSRF
 * token), or null. `param`: the token as a tRPC connection parameter (live streams only).
 */
export function csrfProblem(req: IncomingMessage, csrf: string, param?: string): string | null {
  if (!sameOrigin(req)) return `Requests with the console session must come from the console itself (Origin ${req.headers.origin}).`;
  const sent = req.headers[CSRF_HEADER] ?? param;
  if (sent !== csrf) return `Send the session's CSRF token in the ${CSRF_HEADER} header (sign in to the console again to get one).`;
  return null;
}
