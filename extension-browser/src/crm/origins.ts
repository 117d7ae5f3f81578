import { ADAPTERS } from './registry';

/**
 * Optional host permissions in the manifest: each CRM's hosts, plus any http(s) origin so the agent can
 * enable one self-hosted CRM or unknown site at a time (requested for that origin only, never all at once).
 */
export function allOptionalOrigins(): string[] {
  return [...new Set(ADAPTERS.flatMap((a) => a.origins)), 'https://*/*', 'http://*/*'];
}

/** The permission pattern for one page's origin, e.g. `https://support.acme.test/*`. */
export function originPattern(href: string): string | null {
  if (!URL.canParse(href)) return null;
  const u = new URL(href);
  return /^https?:$/.test(u.protocol) ? `${u.protocol}//${u.hostname}/*` : null;
}
