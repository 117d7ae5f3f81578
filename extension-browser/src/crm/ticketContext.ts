import { GENERIC_ID } from './genericId';
import type { RawTicket } from './types';

/* No zod here: this file is bundled into every content script, which must stay small. */

/** Field limits match the server's schema; longer text is cut and listed in `truncated`. */
export const FIELD_LIMITS = {
  ticketId: 100,
  subject: 200,
  customerName: 200,
  customerEmail: 320,
  customerOrg: 200,
  latestMessage: 5000,
  firstMessage: 5000,
  site: 60,
  selection: 5000,
} as const;

/** What the panel receives from a page (validated there with TicketContextSchema). */
export interface TicketContext {
  crm: string;
  url: string;
  ticketId?: string;
  subject?: string;
  customerName?: string;
  customerEmail?: string;
  customerOrg?: string;
  latestMessage?: string;
  firstMessage?: string;
  /** The helpdesk's name as the page gives it (generic pages). */
  site?: string;
  /** Taught fields that found nothing on this page. */
  warnings: string[];
  selection?: string;
  emails: string[];
  ticketNumbers: string[];
  truncated: string[];
}

type Extra = Partial<Pick<TicketContext, 'selection' | 'emails' | 'ticketNumbers' | 'site' | 'warnings'>>;

/** Cuts every field to its limit (recording which were cut) so the result always validates. */
export function finishTicket(crm: string, url: string, raw: RawTicket & Extra): TicketContext {
  const truncated: string[] = [];
  const out: Record<string, unknown> = { crm, url: url.slice(0, 2000) };
  for (const [key, limit] of Object.entries(FIELD_LIMITS)) {
    const v = (raw as Record<string, unknown>)[key];
    if (typeof v !== 'string' || !v) continue;
    if (v.length > limit) truncated.push(key);
    out[key] = v.slice(0, limit);
  }
  out.emails = (raw.emails ?? []).filter((e) => e.length <= 320).slice(0, 20);
  out.ticketNumbers = (raw.ticketNumbers ?? []).map((n) => n.slice(0, 40)).slice(0, 20);
  out.warnings = (raw.warnings ?? []).map((w) => w.slice(0, 40)).slice(0, 10);
  out.truncated = truncated;
  return out as unknown as TicketContext;
}

/** The key a draft is stored under: one draft per CRM ticket (or per page when there is no ticket id). */
export function draftKeyOf(ctx: Pick<TicketContext, 'crm' | 'ticketId' | 'url'>): string {
  // On unknown sites the ticket id is a guess that teaching may change; the page's address does not.
  if (ctx.ticketId && ctx.crm !== GENERIC_ID) return `${ctx.crm}:${ctx.ticketId}`;
  const u = URL.canParse(ctx.url) ? new URL(ctx.url) : null;
  // the query names the ticket on some helpdesks (osTicket's tickets.php?id=41)
  return `${ctx.crm}:${u ? u.origin + u.pathname + u.search + u.hash : ctx.url}`;
}
