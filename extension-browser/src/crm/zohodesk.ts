import { clean, firstBlockOf, firstEmail, fromUrl, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

const FROM_CONTACT = '[data-id="threadItem"][data-direction="in"] [data-id="threadContent"]';

/** Zoho Desk agent view: `data-id` hooks on the ticket header, the contact card and each thread (direction in/out). */
export const zohodesk: CrmAdapter = {
  id: 'zohodesk',
  label: 'Zoho Desk',
  origins: ['https://desk.zoho.com/*', 'https://desk.zoho.eu/*', 'https://desk.zoho.in/*', 'https://desk.zoho.com.au/*'],
  matches: (url) => /\/agent\/[^/]+\/[^/]+\/tickets\/details\/\d+/.test(url.pathname),
  extract(doc, url) {
    return {
      // the header shows the short ticket number ("#1532"); the URL holds the long record id
      ticketId: clean(textOf(doc, '[data-id="ticketNumber"]')?.replace(/^#/, '')) ?? fromUrl(url, /\/tickets\/details\/(\d+)/),
      subject: textOf(doc, '[data-id="ticketSubject"]'),
      customerName: textOf(doc, '[data-id="contactName"]'),
      customerEmail: firstEmail(textOf(doc, '[data-id="contactEmail"]')),
      customerOrg: textOf(doc, '[data-id="accountName"]'),
      latestMessage: lastBlockOf(doc, FROM_CONTACT),
      firstMessage: firstBlockOf(doc, FROM_CONTACT),
    };
  },
  noteSelector: '[data-id="commentEditor"] [contenteditable="true"]',
};
