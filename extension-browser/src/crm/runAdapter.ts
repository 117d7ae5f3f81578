import type { CrmAdapter } from './types';
import { finishTicket, type TicketContext } from './ticketContext';

/** What an extract script does when injected into a CRM tab: read the ticket and return it to the panel. */
export function runAdapter(adapter: CrmAdapter): TicketContext {
  return finishTicket(adapter.id, location.href, adapter.extract(document, new URL(location.href)));
}
