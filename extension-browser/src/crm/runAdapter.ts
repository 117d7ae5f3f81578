import { adapterFor } from './registry';
import { finishTicket, type TicketContext } from './ticketContext';

/**
 * What extract-crm.js does when injected into a helpdesk tab: pick the adapter for the page's own address (the
 * same choice the panel made) and read the ticket. Null when no adapter covers the page any more (the tab
 * navigated away meanwhile); the panel then reads it generically.
 */
export function runAdapter(href: string = location.href, doc: Document = document): TicketContext | null {
  const adapter = adapterFor(href);
  return adapter ? finishTicket(adapter.id, href, adapter.extract(doc, new URL(href))) : null;
}
