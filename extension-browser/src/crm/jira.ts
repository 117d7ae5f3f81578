import { firstEmail, fromUrl, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

const KEY = /\/(?:browse|queues\/custom\/\d+)\/([A-Z][A-Z0-9]+-\d+)/;

/** Jira Service Management agent view: issue view with `data-testid` hooks (reporter = the customer). */
export const jira: CrmAdapter = {
  id: 'jira',
  label: 'Jira Service Management',
  origins: ['https://*.atlassian.net/*'],
  matches: (url) => KEY.test(url.pathname),
  extract(doc, url) {
    return {
      ticketId: textOf(doc, '[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]') ?? fromUrl(url, KEY),
      subject: textOf(doc, '[data-testid="issue.views.issue-base.foundation.summary.heading"]'),
      customerName: textOf(doc, '[data-testid="issue.views.field.user.reporter"] [data-testid="issue.views.field.user.reporter.name"]'),
      customerEmail: firstEmail(textOf(doc, '[data-testid="servicedesk-customer-context.ui.customer-email"]')),
      customerOrg: textOf(doc, '[data-testid="issue-field-organizations.ui.read-view"]'),
      latestMessage: lastBlockOf(
        doc,
        '[data-testid^="issue-comment-base.ui.comment.ak-comment"][data-customer="true"] .ak-renderer-document',
        '[data-testid="issue.views.field.rich-text.description"] .ak-renderer-document',
      ),
    };
  },
};
