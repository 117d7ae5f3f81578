import { clean, firstBlockOf, firstEmail, fromUrl, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

const INBOUND = '[data-testid="message"][data-direction="inbound"] [data-testid="message-body"]';

/** Front: a conversation (`cnv_…`) with its ticket id, inbound/outbound messages and the contact sidebar. */
export const front: CrmAdapter = {
  id: 'front',
  label: 'Front',
  origins: ['https://app.frontapp.com/*'],
  matches: (url) => /\/(?:open|conversations)\/cnv_[a-z0-9]+/i.test(url.pathname),
  extract(doc, url) {
    return {
      // Front's ticketing shows a numeric ticket id ("#2231"); without it the conversation id names the thread
      ticketId: clean(textOf(doc, '[data-testid="ticket-id"]')?.replace(/^#/, '')) ?? fromUrl(url, /\/(cnv_[a-z0-9]+)/i),
      subject: textOf(doc, '[data-testid="conversation-subject"]'),
      customerName: textOf(doc, '[data-testid="contact-name"]'),
      customerEmail: firstEmail(textOf(doc, '[data-testid="contact-handle-email"]')),
      customerOrg: textOf(doc, '[data-testid="contact-account"]'),
      latestMessage: lastBlockOf(doc, INBOUND),
      firstMessage: firstBlockOf(doc, INBOUND),
    };
  },
  noteSelector: '[data-testid="comment-composer"] [contenteditable="true"]',
};
