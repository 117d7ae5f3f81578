import { z } from 'zod';
import { IdSchema, requiredText, text } from './primitives.js';
import { RefInputSchema } from './procedures.js';

export * from './entryVisibility.js';

/** The actor id of entries the customer writes on their page (the customer has no account). */
export const CUSTOMER_ACTOR_ID = -1;

/** `incidents.share`: one link per incident and customer (an e-mail address names the customer). */
export const ShareInputSchema = z.object({
  ref: RefInputSchema,
  email: z.email('email: must be an e-mail address such as jane@example.com').max(320).optional(),
});

export const ShareResultSchema = z.object({
  id: z.number().int(),
  /** The page's address; shown once — the server keeps only a hash of its token. */
  url: z.string(),
  /** When the link stops working: null while the incident is open (it expires N days after closing). */
  expiresAt: z.string().nullable(),
});
export type ShareResult = z.infer<typeof ShareResultSchema>;

export const UnshareInputSchema = z.object({ ref: RefInputSchema, id: IdSchema });

/** A link as staff see it in the list of an incident's links (never its token). */
export const ShareInfoSchema = z.object({
  id: z.number().int(),
  email: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.number().int(), name: z.string() }),
  revokedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  evaluated: z.boolean(),
});
export type ShareInfo = z.infer<typeof ShareInfoSchema>;

/** A staff comment; internal unless the author marks it visible to the customer. */
export const CommentVisibilityInputSchema = z.object({ visibleToCustomer: z.boolean().default(false) });

/** The agent passes a developer's question on to the customer (optionally reworded). */
export const RelayInputSchema = z.object({
  ref: RefInputSchema,
  /** The id of the `question` timeline entry. */
  entryId: IdSchema,
  text: text(5000).optional(),
});

/** Comments the customer writes on their page. */
export const MAX_CUSTOMER_COMMENT = 5000;
export const CustomerCommentSchema = z.object({ text: requiredText(MAX_CUSTOMER_COMMENT, 'text') });

/** The closing evaluation: 1 (poor) to 5 (excellent) and an optional comment; once per link. */
export const EvaluationSchema = z.object({
  rating: z.coerce
    .number({ message: 'rating: choose 1 to 5' })
    .int('rating: choose a whole number from 1 to 5')
    .min(1, 'rating: choose 1 to 5')
    .max(5, 'rating: choose 1 to 5'),
  comment: text(2000).default(''),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

/** The customer's page: "Get e-mail updates" (double opt-in; the address gets a confirmation mail first). */
export const MailSubscribeSchema = z.object({
  email: z.email('email: enter an e-mail address such as jane@example.com').max(320, 'email: at most 320 characters'),
});
