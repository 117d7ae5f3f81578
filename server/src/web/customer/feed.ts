import { Feed } from 'feed';
import { escape as escapeHtml } from 'html-escaper';
import type { Translator } from './i18n.js';
import type { CustomerEntry, CustomerPageModel } from './pageModel.js';

function entryTitle(e: CustomerEntry, t: Translator): string {
  if (e.kind === 'status') return t.t('statusChanged', { status: t.status(e.status!) });
  if (e.kind === 'evaluation') return t.t('evaluation', { rating: e.rating ?? '' });
  const who = e.kind === 'yours' ? t.t('you') : (e.author ?? '');
  const text = e.text ?? '';
  return `${who}: ${text.length > 80 ? `${text.slice(0, 79)}…` : text}`;
}

/**
 * The Atom feed of one customer's page: the same entries the page shows, nothing more. Built
 * with `feed` (escaping and Atom's rules are its job, not ours).
 */
export function renderCustomerFeed(m: CustomerPageModel, t: Translator, pageUrl: string, shareId: number): string {
  const updated = m.entries.at(-1)?.at;
  const feed = new Feed({
    title: `${m.reference} — ${m.title}`,
    description: t.status(m.status),
    id: `urn:handoff:share:${shareId}`,
    link: pageUrl,
    language: t.lang,
    copyright: '',
    updated: updated ? new Date(updated) : new Date(0),
    generator: 'Handoff',
  });
  for (const e of [...m.entries].reverse()) {
    feed.addItem({
      title: escapeHtml(entryTitle(e, t)),
      id: `urn:handoff:share:${shareId}:entry:${e.id}`,
      link: `${pageUrl}#e${e.id}`,
      date: new Date(e.at),
      // Atom content is HTML: the customer's and staff's text is escaped, so it stays inert.
      content: e.text ? escapeHtml(e.text) : undefined,
    });
  }
  return feed.atom1();
}
