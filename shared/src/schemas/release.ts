import { z } from 'zod';
import { EventIdSchema, IdSchema, text } from './primitives.js';
import { RefInputSchema } from './procedures.js';
import { UserRefSchema } from './roles.js';
import { StatusSchema } from './status.js';

export const RELEASE_STATUSES = ['planned', 'shipped'] as const;
export const ReleaseStatusSchema = z.enum(RELEASE_STATUSES);
export const VerdictSchema = z.enum(['ready', 'concern']);
export type Verdict = z.infer<typeof VerdictSchema>;

const version = text(60).min(1, 'version is required, e.g. "4.3.0"');

export const ReleaseCreateInputSchema = z.object({
  version,
  plannedDate: z.iso.date('plannedDate must be a date like 2026-12-01'),
  notes: text(20_000).default(''),
  /** Incidents this release fixes; incidents marked fixed in this version are added too. */
  fixes: z.array(RefInputSchema).max(200).default([]),
  knownIssues: z.array(text(2000).min(1)).max(50).default([]),
});
export type ReleaseCreateInput = z.input<typeof ReleaseCreateInputSchema>;

export const ReleaseFeedbackInputSchema = z
  .object({
    version,
    /** The item the feedback is about; omitted for feedback on the release as a whole. */
    itemId: IdSchema.optional(),
    verdict: VerdictSchema,
    text: text(5000).default(''),
  })
  .refine((f) => f.verdict === 'ready' || f.text.length > 0, {
    message: 'A concern needs text: say what worries you',
    path: ['text'],
  });

export const ReleaseFeedbackSchema = z.object({
  id: z.number().int(),
  itemId: z.number().int().nullable(),
  reviewer: UserRefSchema,
  verdict: VerdictSchema,
  text: z.string(),
  at: z.string(),
});
export type ReleaseFeedback = z.infer<typeof ReleaseFeedbackSchema>;

export const ReleaseItemSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['fix', 'known_issue']),
  /** For fixes: the incident, with its current status and reporting agent. */
  incident: z
    .object({
      reference: z.string(),
      title: z.string(),
      status: StatusSchema,
      reporter: UserRefSchema,
      affectedCustomers: z.number().int(),
    })
    .nullable(),
  text: z.string(),
});
export type ReleaseItem = z.infer<typeof ReleaseItemSchema>;

export const ReleaseSchema = z.object({
  id: z.number().int(),
  version: z.string(),
  plannedDate: z.string(),
  notes: z.string(),
  status: ReleaseStatusSchema,
  createdBy: UserRefSchema,
  createdAt: z.string(),
  shippedAt: z.string().nullable(),
  items: z.array(ReleaseItemSchema),
  feedback: z.array(ReleaseFeedbackSchema),
});
export type Release = z.infer<typeof ReleaseSchema>;

export const ReleaseListInputSchema = z.object({ status: ReleaseStatusSchema.optional() }).default({});
export const ReleaseRefInputSchema = z.object({ version });

/** A live change to a release (created, feedback given, shipped). */
export const ReleaseEventSchema = z.object({
  id: z.string(),
  version: z.string(),
  kind: z.enum(['created', 'feedback', 'shipped']),
  text: z.string(),
  actor: UserRefSchema,
  at: z.string(),
});
export type ReleaseEvent = z.infer<typeof ReleaseEventSchema>;
export const ReleaseEventFilterSchema = z.object({ lastEventId: EventIdSchema.nullish() });
