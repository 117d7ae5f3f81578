import { z } from 'zod';
import { requiredText, text } from './primitives.js';
import { SlugSchema } from './roles.js';

/**
 * The fields an agent teaches on a helpdesk no adapter covers: where each sits on the page. `note` is the
 * field "Insert into ticket note" writes into.
 */
export const CRM_MAPPING_FIELDS = ['ticketId', 'subject', 'customerName', 'customerEmail', 'customerOrg', 'latestMessage', 'note'] as const;
export type CrmMappingField = (typeof CRM_MAPPING_FIELDS)[number];

/** Limits of a taught field (a selector is a few hundred characters at most; a pattern keeps part of a value). */
export const TAUGHT_LIMITS = { css: 1000, label: 100, pattern: 200 } as const;

/** True when `pattern` compiles as the extension runs it (case-insensitive, Unicode). */
export function patternCompiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'iu');
    return true;
  } catch {
    return false;
  }
}

/**
 * One taught field: a CSS selector that survives layout changes, the label shown beside the value (the
 * fallback when the selector finds nothing), an optional pattern keeping part of the text ("Ticket #322302"
 * → "322302"), and whether it is a repeated element read at its last match (the latest message).
 */
export const TaughtFieldSchema = z.object({
  css: requiredText(TAUGHT_LIMITS.css, 'css'),
  label: text(TAUGHT_LIMITS.label).optional(),
  pattern: text(TAUGHT_LIMITS.pattern)
    .refine(patternCompiles, 'is not a valid regular expression; test it on the page with the live preview first')
    .optional(),
  all: z.boolean().optional(),
});
export type TaughtField = z.infer<typeof TaughtFieldSchema>;

/** A site's taught fields; at least one. */
export const TaughtFieldsSchema = z
  .partialRecord(z.enum(CRM_MAPPING_FIELDS), TaughtFieldSchema)
  .refine((f) => Object.keys(f).length > 0, 'teach at least one field before sharing the site');

/** WHATWG URL parsing (Node and every browser have it; shared compiles without DOM or Node types). */
interface ParsedUrl {
  protocol: string;
  hostname: string;
  origin: string;
}
const parseUrl = (s: string): ParsedUrl | null => {
  const { URL } = globalThis as unknown as { URL: { canParse(s: string): boolean; new (s: string): ParsedUrl } };
  return URL.canParse(s) ? new URL(s) : null;
};

/**
 * A helpdesk site as its origin: `https://Help.Example.com/desk/tickets/1` → `https://help.example.com`.
 * Mappings are keyed by origin, so every spelling of one site lands on the same mapping.
 */
export const SiteOriginSchema = z
  .string()
  .trim()
  .max(300, 'must be at most 300 characters')
  .transform((s, ctx) => {
    const u = parseUrl(s);
    if (!u || !/^https?:$/.test(u.protocol) || !u.hostname) {
      ctx.addIssue({ code: 'custom', message: "write the helpdesk's address, like https://help.example.com" });
      return z.NEVER;
    }
    return u.origin;
  });

/** `crm.mappings.upsert`: a team's mapping for one site, replacing the fields it had. */
export const CrmMappingInputSchema = z.object({ team: SlugSchema, origin: SiteOriginSchema, fields: TaughtFieldsSchema });
export type CrmMappingInput = z.infer<typeof CrmMappingInputSchema>;

export const CrmMappingKeySchema = z.object({ team: SlugSchema, origin: SiteOriginSchema });

/** `crm.mappings.list`: one team's mappings, or (without a team) those of all the caller's teams. */
export const CrmMappingListInputSchema = z.object({ team: SlugSchema.optional() }).default({});

export const CrmMappingSchema = z.object({
  team: z.string(),
  origin: z.string(),
  fields: z.partialRecord(z.enum(CRM_MAPPING_FIELDS), TaughtFieldSchema),
  updatedAt: z.string(),
  updatedBy: z.object({ id: z.number().int().nullable(), name: z.string() }),
});
export type CrmMapping = z.infer<typeof CrmMappingSchema>;
