import { firstBlockOf, firstEmail, fromUrl, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

const FROM_CUSTOMER = '.ticket-message[data-from-agent="false"] .ticket-message-body';

/** Gorgias: the ticket's editable subject, messages marked agent or customer, the customer's infobar. */
export const gorgias: CrmAdapter = {
  id: 'gorgias',
  label: 'Gorgias',
  origins: ['https://*.gorgias.com/*'],
  matches: (url) => /\/app\/ticket\/\d+/.test(url.pathname),
  extract(doc, url) {
    return {
      ticketId: fromUrl(url, /\/app\/ticket\/(\d+)/),
      subject: textOf(doc, 'input.ticket-subject', '[data-testid="ticket-subject"]'),
      customerName: textOf(doc, '.infobar-customer .customer-name'),
      customerEmail: firstEmail(textOf(doc, '.infobar-customer .customer-channel[data-channel="email"]')),
      customerOrg: textOf(doc, '.infobar-customer .customer-company'),
      latestMessage: lastBlockOf(doc, FROM_CUSTOMER),
      firstMessage: firstBlockOf(doc, FROM_CUSTOMER),
    };
  },
  noteSelector: '.ticket-reply-editor[data-type="internal-note"] .public-DraftEditor-content',
};
