import { firstEmail, fromUrl, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

/** Freshdesk (Ember app): ticket details header, requester widget in the right sidebar, conversation threads. */
export const freshdesk: CrmAdapter = {
  id: 'freshdesk',
  label: 'Freshdesk',
  origins: ['https://*.freshdesk.com/*'],
  matches: (url) => /\/a\/tickets\/\d+/.test(url.pathname),
  extract(doc, url) {
    return {
      ticketId: fromUrl(url, /\/a\/tickets\/(\d+)/),
      subject: textOf(doc, '[data-test-id="ticket-subject"]', '.ticket-subject-heading'),
      customerName: textOf(doc, '[data-test-id="requester-info-name"]', '.requester-info .user-name'),
      customerEmail: firstEmail(textOf(doc, '[data-test-id="requester-info-email"]', '.requester-info .email')),
      customerOrg: textOf(doc, '[data-test-id="requester-info-company"]', '.requester-info .company-name'),
      latestMessage: lastBlockOf(
        doc,
        '[data-test-id="conversation-item"][data-source="customer"] .conversation-content',
        '.ticket-description .description-text',
      ),
    };
  },
  noteSelector: '[data-test-id="note-editor"] .fr-element',
};
