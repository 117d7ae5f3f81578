import pino from 'pino';

/**
 * The server's structured log (pino, JSON lines on stderr). It names the request that failed —
 * method, path, procedure, user id, address — and never contains a token: authorization
 * headers and connection parameters are redacted, and URLs are logged without their query.
 * `HANDOFF_LOG_LEVEL` sets the level (default `info`; the test suites set `warn`).
 */
export const log = pino(
  {
    level: process.env.HANDOFF_LOG_LEVEL ?? 'info',
    base: { service: 'handoff-server' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'token', 'connectionParams', '*.token'],
      censor: '[redacted]',
    },
    serializers: { err: pino.stdSerializers.err },
  },
  pino.destination(2),
);

/** A URL's path without its query (queries can carry tokens) for the log. */
export function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?')[0]!.slice(0, 300);
}
