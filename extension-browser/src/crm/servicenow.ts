import { firstEmail, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

/** ServiceNow classic incident form (incident.do): inputs are named `incident.<field>`; references show in `sys_display.*`. */
export const servicenow: CrmAdapter = {
  id: 'servicenow',
  label: 'ServiceNow',
  origins: ['https://*.service-now.com/*'],
  matches: (url) => /\/incident\.do$/.test(url.pathname) || /uri=%2?F?incident\.do/i.test(url.search),
  extract(doc) {
    return {
      ticketId: textOf(doc, '[id="incident.number"]', '[id="sys_readonly.incident.number"]'),
      subject: textOf(doc, '[id="incident.short_description"]'),
      customerName: textOf(doc, '[id="sys_display.incident.caller_id"]'),
      customerEmail: firstEmail(textOf(doc, '[id="incident.caller_id.email"]', '[id="sys_display.incident.caller_id.email"]')),
      customerOrg: textOf(doc, '[id="sys_display.incident.company"]'),
      latestMessage: lastBlockOf(doc, '.h-card[data-journal-field="comments"] .sn-widget-textblock-body', '[id="incident.description"]'),
    };
  },
  noteSelector: '[id="activity-stream-work_notes-textarea"]',
};
