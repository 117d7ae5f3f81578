import { firstEmail, fromUrl, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

/** HubSpot Service Hub ticket record: highlight card, associated contact/company cards, communication timeline. */
export const hubspot: CrmAdapter = {
  id: 'hubspot',
  label: 'HubSpot',
  origins: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  matches: (url) => /\/contacts\/\d+\/(?:record\/0-5|ticket)\/\d+/.test(url.pathname),
  extract(doc, url) {
    return {
      ticketId: fromUrl(url, /\/(?:record\/0-5|ticket)\/(\d+)/),
      subject: textOf(doc, '[data-selenium-test="highlightTitle"]', '[data-test-id="record-highlight-title"]'),
      customerName: textOf(doc, '[data-selenium-test="association-card-0-1"] [data-selenium-test="association-card-title"]'),
      customerEmail: firstEmail(textOf(doc, '[data-selenium-test="association-card-0-1"] [data-selenium-test="association-card-email"]')),
      customerOrg: textOf(doc, '[data-selenium-test="association-card-0-2"] [data-selenium-test="association-card-title"]'),
      latestMessage: lastBlockOf(
        doc,
        '[data-selenium-test="timeline-email-incoming"] [data-selenium-test="timeline-email-body"]',
        '[data-selenium-test="ticket-description"]',
      ),
    };
  },
  noteSelector: '[data-selenium-test="timeline-note-editor"] [contenteditable="true"]',
};
