import { z } from 'zod';
import { text } from './primitives.js';

/** The address a customer is known by (compared without regard to case). */
const customerEmail = z.email('give the customer\'s e-mail address, e.g. "jane@example.com"').max(320, 'must be at most 320 characters');

export const CustomerExportInputSchema = z.object({ email: customerEmail });
export type CustomerExportInput = z.infer<typeof CustomerExportInputSchema>;

export const CustomerEraseInputSchema = z.object({
  email: customerEmail,
  /** Why (e.g. "customer's request of 2026-11-30, ticket 4711"); recorded on each incident's timeline. */
  reason: text(500).min(3, 'say why the data is erased (at least 3 characters), e.g. "customer request 2026-11-30"'),
});
export type CustomerEraseInput = z.infer<typeof CustomerEraseInputSchema>;

/** How many records of each kind of personal data an export or erasure covered, by holder id. */
export const HolderCountsSchema = z.record(z.string(), z.number().int());

export const CustomerExportResultSchema = z.object({
  /** A suggested file name, e.g. `customer-export-2026-11-30.zip`. */
  fileName: z.string(),
  /** The zip archive: `customer.json` plus the attachments under `attachments/`. */
  archiveBase64: z.string(),
  /** Incidents the export covers (references). */
  incidents: z.array(z.string()),
  counts: HolderCountsSchema,
});
export type CustomerExportResult = z.infer<typeof CustomerExportResultSchema>;

export const CustomerEraseResultSchema = z.object({
  /** The placeholder that now stands for the customer ("erased customer #N"); null when nothing was held. */
  placeholder: z.string().nullable(),
  /** Incidents whose personal data was replaced (references). */
  incidents: z.array(z.string()),
  counts: HolderCountsSchema,
});
export type CustomerEraseResult = z.infer<typeof CustomerEraseResultSchema>;
