import type { CorpusPage } from '../fixtures/corpus';
import { extractGeneric } from '../generic';
import { GENERIC_ID } from '../genericId';
import type { SiteMapping } from '../read/taught';
import { adapterById } from '../registry';
import { describePicked, taughtFrom } from '../teach';
import { finishTicket, type TicketContext } from '../ticketContext';

/** Reads a corpus page as the panel does: its adapter, or the generic reader with the site's taught mapping. */
export function readPage(doc: Document, page: CorpusPage, url: string, mapping: SiteMapping = {}): { ctx: TicketContext; shown?: string } {
  const adapter = page.adapter ? adapterById(page.adapter) : undefined;
  if (adapter) return { ctx: finishTicket(adapter.id, url, adapter.extract(doc, new URL(url))), shown: adapter.label };
  const ctx = finishTicket(GENERIC_ID, url, extractGeneric(doc, '', mapping, url));
  return { ctx, shown: ctx.site };
}

/** What teach mode stores when the agent clicks each of the page's `teach` elements (as the picker does). */
export function teachOn(doc: Document, page: CorpusPage): SiteMapping {
  const mapping: SiteMapping = {};
  for (const [field, css] of Object.entries(page.teach ?? {}) as [keyof SiteMapping, string][]) {
    const el = doc.querySelector(css);
    if (!el) throw new Error(`${page.file}: nothing to click for ${field} at ${css}`);
    mapping[field] = taughtFrom(field, describePicked(el));
  }
  return mapping;
}
