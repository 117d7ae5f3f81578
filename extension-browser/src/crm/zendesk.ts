import { firstBlockOf, firstEmail, fromUrl, lastBlockOf, textOf } from './dom';

const FROM_REQUESTER = 'article[data-test-id="omni-log-comment-item"][data-is-requester="true"] [data-test-id="omni-log-message-content"]';
import type { CrmAdapter } from './types';

/** Zendesk Agent Workspace: React app with `data-test-id` hooks; the requester card sits in the context panel. */
export const zendesk: CrmAdapter = {
  id: 'zendesk',
  label: 'Zendesk',
  origins: ['https://*.zendesk.com/*'],
  matches: (url) => /\/agent\/tickets\/\d+/.test(url.pathname),
  extract(doc, url) {
    const email = textOf(doc, '[data-test-id="user-profile-email"]', '[data-test-id="requester-email"]');
    return {
      ticketId: fromUrl(url, /\/agent\/tickets\/(\d+)/),
      subject: textOf(doc, '[data-test-id="omni-header-subject"]', '[data-test-id="ticket-pane-subject"]'),
      customerName: textOf(
        doc,
        '[data-test-id="user-profile-name"]',
        '[data-test-id="ticket-system-field-requester-select"] [data-garden-id="tags.tag_view"]',
      ),
      customerEmail: firstEmail(email),
      customerOrg: textOf(
        doc,
        '[data-test-id="ticket-system-field-organization-select"] [data-garden-id="dropdowns.select"]',
        '[data-test-id="user-profile-organization"]',
      ),
      latestMessage: lastBlockOf(doc, FROM_REQUESTER),
      firstMessage: firstBlockOf(doc, FROM_REQUESTER),
    };
  },
  noteSelector: '[data-test-id="omnicomposer-rich-text-ckeditor"]',
};
