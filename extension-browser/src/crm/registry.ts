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
import { zohodesk } from './zohodesk';
import { front } from './front';
import { gorgias } from './gorgias';
import { freshservice } from './freshservice';
import { kayako } from './kayako';
import { dynamics } from './dynamics';
import { chatwoot } from './chatwoot';

/** Every CRM adapter, in the order tried on hosts no adapter owns (first path match wins). Each needs a fixture (registry.test.ts checks both). */
export const ADAPTERS: readonly CrmAdapter[] = [
  zendesk,
  freshdesk,
  salesforce,
  hubspot,
  // before Intercom: a self-hosted Chatwoot's inbox view (/app/accounts/1/inbox/3/conversations/42) fits Intercom's path too
  chatwoot,
  intercom,
  zammad,
  jira,
  servicenow,
  helpscout,
  github,
  zohodesk,
  front,
  gorgias,
  freshservice,
  kayako,
  dynamics,
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
