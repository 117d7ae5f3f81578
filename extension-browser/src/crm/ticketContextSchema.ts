import { z } from 'zod';
import { FIELD_LIMITS } from './ticketContext';

/** Validates what a page script returns before the panel uses it (a page is untrusted input). */
export const TicketContextSchema = z.object({
  crm: z.string().max(60),
  url: z.string().max(2000),
  ticketId: z.string().max(FIELD_LIMITS.ticketId).optional(),
  subject: z.string().max(FIELD_LIMITS.subject).optional(),
  customerName: z.string().max(FIELD_LIMITS.customerName).optional(),
  customerEmail: z.string().max(FIELD_LIMITS.customerEmail).optional(),
  customerOrg: z.string().max(FIELD_LIMITS.customerOrg).optional(),
  latestMessage: z.string().max(FIELD_LIMITS.latestMessage).optional(),
  selection: z.string().max(FIELD_LIMITS.selection).optional(),
  firstMessage: z.string().max(FIELD_LIMITS.firstMessage).optional(),
  site: z.string().max(FIELD_LIMITS.site).optional(),
  warnings: z.array(z.string().max(40)).max(10).default([]),
  emails: z.array(z.string().max(320)).max(20).default([]),
  ticketNumbers: z.array(z.string().max(40)).max(20).default([]),
  truncated: z.array(z.string()).default([]),
});
