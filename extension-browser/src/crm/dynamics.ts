import { firstBlockOf, firstEmail, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

/** A field control of the Unified Interface form, found by its stable `data-id` (`<logical name>.fieldControl-…`). */
const control = (logicalName: string, kind: string) => `[data-id="${logicalName}.fieldControl-${kind}"]`;
const lookup = (logicalName: string) => `[data-id*="${logicalName}.fieldControl-LookupResultsDropdown_${logicalName}_selected_tag_text"]`;

/** Microsoft Dynamics 365 Customer Service: the Case (incident) form of the Unified Interface, its timeline of activities. */
export const dynamics: CrmAdapter = {
  id: 'dynamics',
  label: 'Dynamics 365 Customer Service',
  origins: ['https://*.dynamics.com/*'],
  matches: (url) => url.pathname.endsWith('/main.aspx') && /(?:^|&)etn=incident(?:&|$)/.test(url.search.slice(1)),
  extract(doc) {
    return {
      ticketId: textOf(doc, control('ticketnumber', 'text-box-text')),
      subject: textOf(doc, control('title', 'text-box-text'), 'h1[data-id="header_title"]'),
      customerName: textOf(doc, lookup('primarycontactid'), lookup('customerid')),
      customerEmail: firstEmail(textOf(doc, '[data-id$="emailaddress1.fieldControl-mail-text-input"]')),
      customerOrg: textOf(doc, '[data-id*="parentcustomerid_selected_tag_text"]'),
      latestMessage: lastBlockOf(
        doc,
        '[data-id="timelinecontrol"] li[data-activity="email"][data-direction="incoming"] [data-id="timeline-record-body"]',
        control('description', 'text-box-text'),
      ),
      firstMessage: firstBlockOf(doc, control('description', 'text-box-text')),
    };
  },
  noteSelector: '[data-id="notescontrol-notetext_id"] textarea',
};
