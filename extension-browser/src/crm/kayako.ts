import { firstBlockOf, firstEmail, fromUrl, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

const FROM_REQUESTER = '.ko-timeline-2_list_post[data-creator-role="customer"] .ko-timeline-2_list_post__content';

/** Kayako (Ember agent app, `ko-` components): case header, timeline posts by role, requester sidebar. */
export const kayako: CrmAdapter = {
  id: 'kayako',
  label: 'Kayako',
  origins: ['https://*.kayako.com/*'],
  matches: (url) => /\/agent\/conversations\/\d+/.test(url.pathname),
  extract(doc, url) {
    return {
      ticketId: fromUrl(url, /\/agent\/conversations\/(\d+)/),
      subject: textOf(doc, '.ko-case-content__subject', '.ko-case_header__subject'),
      customerName: textOf(doc, '.ko-case-requester .ko-user-name'),
      customerEmail: firstEmail(textOf(doc, '.ko-case-requester .ko-identity-email')),
      customerOrg: textOf(doc, '.ko-case-requester .ko-organization-name'),
      latestMessage: lastBlockOf(doc, FROM_REQUESTER),
      firstMessage: firstBlockOf(doc, FROM_REQUESTER),
    };
  },
  noteSelector: '.ko-text-editor[data-mode="note"] [contenteditable="true"]',
};
