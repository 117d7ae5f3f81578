import type { CrmAdapter } from './types';
import { zendesk } from './zendesk';
import { freshdesk } from './freshdesk';
import { salesforce } from './salesforce';
import { hubspot } from './hubspot';
import { intercom } from './intercom';
import { zammad } from './zammad';
import { jira } from './jira';
import { servicenow } from './servicenow';
import { helpscout } from './helpscout';
import { github } from './github';

/** Every CRM adapter. Each needs an `entrypoints/extract-<id>.ts` and a fixture (registry.test.ts checks both). */
export const ADAPTERS: readonly CrmAdapter[] = [
  zendesk,
  freshdesk,
  salesforce,
  hubspot,
  intercom,
  zammad,
  jira,
  servicenow,
  helpscout,
  github,
];

export { GENERIC_ID } from './genericId';

function hostMatches(pattern: string, url: URL): boolean {
  const m = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!m) return false;
  const [, scheme, host] = m;
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  return host!.startsWith('*.') ? url.hostname.endsWith(host!.slice(1)) : url.hostname === host;
}

/** The adapter for a page: the CRM whose host it is, else the first whose ticket-view path matches (self-hosted). */
export function adapterFor(href: string): CrmAdapter | null {
  if (!URL.canParse(href)) return null;
  const url = new URL(href);
  if (!/^https?:$/.test(url.protocol)) return null;
  const byHost = ADAPTERS.find((a) => a.origins.some((o) => hostMatches(o, url)));
  if (byHost) return byHost.matches(url) ? byHost : null;
  return ADAPTERS.find((a) => a.matches(url)) ?? null;
}

export function adapterById(id: string): CrmAdapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}
