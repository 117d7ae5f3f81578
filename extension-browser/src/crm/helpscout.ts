import { clean, firstEmail, fromUrl, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

/** Help Scout conversation view: subject header, customer profile sidebar, threads marked customer or agent. */
export const helpscout: CrmAdapter = {
  id: 'helpscout',
  label: 'Help Scout',
  origins: ['https://secure.helpscout.net/*'],
  matches: (url) => /\/conversation\/\d+\/\d+/.test(url.pathname),
  extract(doc, url) {
    return {
      ticketId: clean(textOf(doc, '.c-conversation-number')?.replace(/^#/, '')) ?? fromUrl(url, /\/conversation\/\d+\/(\d+)/),
      subject: textOf(doc, '#js-conversation-subject', '.c-conversation-subject'),
      customerName: textOf(doc, '.c-customer-profile__name'),
      customerEmail: firstEmail(textOf(doc, '.c-customer-profile__emails .c-customer-profile__email')),
      customerOrg: textOf(doc, '.c-customer-profile__company'),
      latestMessage: lastBlockOf(doc, '.c-thread.is-customer .c-thread__body'),
    };
  },
  noteSelector: '.c-note-editor .ql-editor',
};
