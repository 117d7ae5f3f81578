import { firstEmail, fromUrl, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

/** Intercom Inbox: conversation header, user details sidebar, conversation parts (user vs admin comments). */
export const intercom: CrmAdapter = {
  id: 'intercom',
  label: 'Intercom',
  origins: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*'],
  matches: (url) => /\/inbox\/.*\/conversations?\/\d+/.test(url.pathname),
  extract(doc, url) {
    return {
      ticketId: fromUrl(url, /\/conversations?\/(\d+)/),
      subject: textOf(doc, '[data-testid="conversation-title"]', '.inbox2__conversation-title'),
      customerName: textOf(doc, '[data-testid="user-details-name"]', '.inbox2__user-name'),
      customerEmail: firstEmail(textOf(doc, '[data-testid="user-details-email"]', '[data-attribute="email"] .attribute__value')),
      customerOrg: textOf(doc, '[data-testid="user-details-company"]', '[data-attribute="company.name"] .attribute__value'),
      latestMessage: lastBlockOf(
        doc,
        '[data-part-author-type="user"] .intercom-interblocks',
        '.conversation__part.o__user-comment .conversation__text',
      ),
    };
  },
  noteSelector: '[data-testid="composer-note"] .ProseMirror',
};
