import { clean, firstEmail, fromUrl, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

/** Zammad (self-hosted, hash-routed SPA): ticket zoom header, customer sidebar, article bubbles. */
export const zammad: CrmAdapter = {
  id: 'zammad',
  label: 'Zammad',
  origins: [],
  matches: (url) => /#ticket\/zoom\/\d+/.test(url.hash),
  extract(doc, url) {
    const number = clean(textOf(doc, '.ticketZoom .ticket-number')?.replace(/^.*#\s*/, ''));
    return {
      ticketId: number ?? fromUrl(url, /#ticket\/zoom\/(\d+)/),
      subject: textOf(doc, '.ticketZoom .ticket-title-update'),
      customerName: textOf(
        doc,
        '.sidebar[data-tab="customer"] .sidebar-block [data-name="customer"] .user-name',
        '.sidebar[data-tab="customer"] .userInfo-name',
      ),
      customerEmail: firstEmail(textOf(doc, '.sidebar[data-tab="customer"] [data-name="email"] .value')),
      customerOrg: textOf(
        doc,
        '.sidebar[data-tab="organization"] .organization-name',
        '.sidebar[data-tab="customer"] [data-name="organization"] .value',
      ),
      latestMessage: lastBlockOf(doc, '.ticket-article-item.customer .textBubble-content .richtext-content'),
    };
  },
  noteSelector: '.article-add .articleNewEdit-body[contenteditable="true"]',
};
