import { extractGeneric, type SiteMapping } from './generic';
import { finishTicket, type TicketContext } from './ticketContext';
import { GENERIC_ID } from './genericId';

/** Global the panel sets in the page's isolated world just before injecting extract-generic.js. */
export const MAPPING_GLOBAL = '__handoffSiteMapping';

export function readGenericPage(): TicketContext {
  const mapping = ((globalThis as Record<string, unknown>)[MAPPING_GLOBAL] ?? {}) as SiteMapping;
  const selection = globalThis.getSelection?.()?.toString() ?? '';
  return finishTicket(GENERIC_ID, location.href, extractGeneric(document, selection, mapping, location.href));
}
