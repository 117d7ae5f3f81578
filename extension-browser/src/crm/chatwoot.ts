import { clean, firstBlockOf, firstEmail, fromUrl, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

const INCOMING = '.conversation-panel > li.left .text-content';

/** The e-mail subject Chatwoot's mail head shows ("Subject: …"), or the opening line of a chat that has none. */
function subjectOf(doc: Document): string | undefined {
  for (const row of Array.from(doc.querySelectorAll('.message__mail-head .meta-wrap'))) {
    const label = clean(row.querySelector('.message-label')?.textContent);
    if (label && /^subject:?$/i.test(label)) return clean(row.querySelector('.message-value')?.textContent);
  }
  return clean(firstBlockOf(doc, INCOMING)?.split('\n')[0]?.slice(0, 120));
}

/** Chatwoot (open source, often self-hosted): conversation panel of incoming (left) and outgoing (right) bubbles, contact panel. */
export const chatwoot: CrmAdapter = {
  id: 'chatwoot',
  label: 'Chatwoot',
  origins: ['https://app.chatwoot.com/*'],
  matches: (url) => /\/app\/accounts\/\d+\/(?:[^?#]*\/)?conversations\/\d+/.test(url.pathname),
  extract(doc, url) {
    return {
      ticketId: fromUrl(url, /\/conversations\/(\d+)/),
      subject: subjectOf(doc),
      customerName: textOf(doc, '.contact--profile .contact--name'),
      customerEmail: firstEmail(textOf(doc, '.contact--profile .contact-info--email .contact-info--details')),
      customerOrg: textOf(doc, '.contact--profile .contact-info--company .contact-info--details'),
      latestMessage: lastBlockOf(doc, INCOMING),
      firstMessage: firstBlockOf(doc, INCOMING),
    };
  },
  noteSelector: '.reply-box.is-private .ProseMirror[contenteditable="true"]',
};
