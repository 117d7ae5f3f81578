import { clean, cleanBlock, emailsIn, textOf } from './dom';
import type { RawTicket } from './types';

/** Fields the agent can teach by clicking an element on an unknown site. */
export const TEACHABLE_FIELDS = ['ticketId', 'subject', 'customerName', 'customerEmail', 'customerOrg', 'latestMessage'] as const;
export type TeachableField = (typeof TEACHABLE_FIELDS)[number];
/** A site's taught mapping: field → CSS selector. */
export type SiteMapping = Partial<Record<TeachableField, string>>;

const TICKET_NUMBER_RE = /(?:#\d{3,9}\b|\b[A-Z][A-Z0-9]{1,9}-\d{1,7}\b|\bINC\d{5,10}\b)/g;

export interface GenericTicket extends RawTicket {
  selection?: string | undefined;
  emails: string[];
  ticketNumbers: string[];
}

function safeText(doc: Document, selector: string | undefined): string | undefined {
  if (!selector) return undefined;
  try {
    return textOf(doc, selector);
  } catch {
    return undefined; // a stale or invalid taught selector reads nothing rather than breaking the capture
  }
}

/** Any page: title, selection, e-mail addresses and ticket-like numbers, overridden by what the agent taught for this site. */
export function extractGeneric(doc: Document, selection: string, mapping: SiteMapping = {}): GenericTicket {
  const body = doc.body?.textContent ?? '';
  const emails = emailsIn(body).slice(0, 20);
  const ticketNumbers = [...new Set(body.match(TICKET_NUMBER_RE) ?? [])].slice(0, 20);
  const taught = Object.fromEntries(TEACHABLE_FIELDS.map((f) => [f, safeText(doc, mapping[f])]));
  return {
    ticketId: taught.ticketId ?? ticketNumbers[0]?.replace(/^#/, ''),
    subject: taught.subject ?? clean(doc.querySelector('h1')?.textContent) ?? clean(doc.title),
    customerName: taught.customerName,
    customerEmail: emailsIn(taught.customerEmail)[0] ?? emails[0],
    customerOrg: taught.customerOrg,
    latestMessage: taught.latestMessage ?? cleanBlock(selection),
    selection: cleanBlock(selection),
    emails,
    ticketNumbers,
  };
}
