/** Browser-extension pages on any extension id; an admin may pin ids or add web origins. */
export const DEFAULT_ALLOWED_ORIGINS = ['chrome-extension://*', 'moz-extension://*', 'safari-web-extension://*'];

/** Whether `origin` matches one of `allowed`: exact, or `scheme://*` for any host of that scheme. */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  return allowed.some((pattern) =>
    pattern.endsWith('://*') ? origin.startsWith(pattern.slice(0, -1)) && origin.length > pattern.length - 1 : origin === pattern,
  );
}

const ALLOW = {
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, trpc-accept, last-event-id, x-trpc-source',
  'access-control-max-age': '600',
};

/**
 * CORS headers for a request from `origin`: only the extensions' origins and those the admin
 * configured may read answers (tokens are bearer tokens, but a page on any site must still not
 * be able to drive the API from a signed-in browser).
 */
export function corsHeaders(origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  if (!origin || !originAllowed(origin, allowed)) return { vary: 'Origin' };
  return { 'access-control-allow-origin': origin, vary: 'Origin', ...ALLOW };
}
