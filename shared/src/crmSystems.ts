/**
 * The proper names of the helpdesks Handoff knows, by the `crm.system` id the browser extension's
 * adapters send ("zendesk" → "Zendesk"). Every client shows the name, never the id.
 */
export const CRM_SYSTEM_NAMES: Readonly<Record<string, string>> = {
  chatwoot: 'Chatwoot',
  dynamics: 'Dynamics 365 Customer Service',
  freshdesk: 'Freshdesk',
  freshservice: 'Freshservice',
  front: 'Front',
  github: 'GitHub issues',
  gorgias: 'Gorgias',
  helpscout: 'Help Scout',
  hubspot: 'HubSpot',
  intercom: 'Intercom',
  jira: 'Jira Service Management',
  kayako: 'Kayako',
  salesforce: 'Salesforce Service Cloud',
  servicenow: 'ServiceNow',
  zammad: 'Zammad',
  zendesk: 'Zendesk',
  zohodesk: 'Zoho Desk',
};

/** The helpdesk's proper name for a `crm.system` id, or null for one no adapter has (e.g. "other"). */
export function crmSystemName(system: string): string | null {
  return Object.hasOwn(CRM_SYSTEM_NAMES, system) ? CRM_SYSTEM_NAMES[system]! : null;
}
