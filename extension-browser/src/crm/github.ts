import { fromUrl, lastBlockOf, textOf } from './dom';
import type { CrmAdapter } from './types';

/** GitHub issues (React issue view): title, author, body and comments; the repository owner stands in for the org. */
export const github: CrmAdapter = {
  id: 'github',
  label: 'GitHub issues',
  origins: ['https://github.com/*'],
  matches: (url) => /^\/[^/]+\/[^/]+\/issues\/\d+/.test(url.pathname),
  extract(doc, url) {
    const author = textOf(doc, '[data-testid="issue-body-header-author"]', '.timeline-comment-header .author');
    return {
      ticketId: fromUrl(url, /\/issues\/(\d+)/),
      subject: textOf(doc, '[data-testid="issue-title"]', '.js-issue-title'),
      customerName: author,
      customerOrg: fromUrl(url, /^\/([^/]+)\//),
      latestMessage: lastBlockOf(
        doc,
        author ? `[data-testid="comment-viewer-outer-box-${author}"] [data-testid="markdown-body"]` : '[data-testid="markdown-body"]',
        '[data-testid="issue-body"] [data-testid="markdown-body"]',
      ),
    };
  },
};
