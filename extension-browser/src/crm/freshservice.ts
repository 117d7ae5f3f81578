import { clean, firstBlockOf, firstEmail, fromUrl, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

/** Freshservice (ITSM, Freshworks' Ember UI like Freshdesk): display id "#INC-2231", requester widget, conversations. */
export const freshservice: CrmAdapter = {
  id: 'freshservice',
  label: 'Freshservice',
  origins: ['https://*.freshservice.com/*'],
  // the classic /helpdesk/ path tells it from Freshdesk on a custom domain; on freshservice.com the host decides
  matches: (url) => /\/(?:a|helpdesk)\/tickets\/\d+/.test(url.pathname),
  extract(doc, url) {
    const display = clean(textOf(doc, '[data-test-id="ticket-display-id"]')?.replace(/^#/, ''));
    return {
      ticketId: display ?? fromUrl(url, /\/tickets\/(\d+)/),
      subject: textOf(doc, '[data-test-id="ticket-subject"]'),
      customerName: textOf(doc, '[data-test-id="requester-name"]'),
      customerEmail: firstEmail(textOf(doc, '[data-test-id="requester-email"]')),
      customerOrg: textOf(doc, '[data-test-id="requester-department"]'),
      latestMessage: lastBlockOf(
        doc,
        '[data-test-id="conversation"][data-incoming="true"] [data-test-id="conversation-body"]',
        '[data-test-id="ticket-description"]',
      ),
      firstMessage: firstBlockOf(doc, '[data-test-id="ticket-description"]'),
    };
  },
  noteSelector: '[data-test-id="note-editor"] .fr-element',
};
