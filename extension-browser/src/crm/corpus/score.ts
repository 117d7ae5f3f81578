import { descriptionOf } from '../../capture/formState';
import type { Expected } from '../fixtures/corpus';
import type { TicketContext } from '../ticketContext';

export const SCORED_FIELDS = ['title', 'description', 'customerName', 'customerEmail', 'ticketId', 'url', 'helpdesk'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];
export type FieldScore = Record<ScoredField, boolean | null>;

const same = (a: string | undefined, b: string) => (a ?? '').replace(/\s+/g, ' ').trim().toLowerCase() === b.toLowerCase();

/**
 * Which of the seven fields a page read got right, judged as the capture form would show them (null: the
 * page has nothing to read for that field). `helpdesk` is what the panel's header shows.
 */
export function scoreRead(ctx: TicketContext, expected: Expected, url: string, helpdeskShown: string | undefined): FieldScore {
  const description = descriptionOf(ctx);
  return {
    title: same(ctx.subject, expected.title),
    description: expected.descriptionHas.every((p) => description.includes(p)),
    customerName: same(ctx.customerName, expected.customerName),
    customerEmail: expected.customerEmail === null ? null : same(ctx.customerEmail ?? ctx.emails[0], expected.customerEmail),
    ticketId: same(ctx.ticketId, expected.ticketId),
    url: ctx.url === url,
    helpdesk: same(helpdeskShown, expected.helpdesk),
  };
}

export function rightOf(s: FieldScore): { right: number; of: number } {
  const v = Object.values(s).filter((x) => x !== null);
  return { right: v.filter(Boolean).length, of: v.length };
}
