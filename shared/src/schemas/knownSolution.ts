import { z } from 'zod';
import { IncidentCreateInputSchema } from './incident.js';
import { text } from './primitives.js';
import { RefInputSchema } from './procedures.js';

/** Recording how a problem was solved, once an incident of it is verified or closed. */
export const RecordSolutionInputSchema = z.object({
  ref: RefInputSchema,
  /** For staff: what fixed it, or what to do. */
  solution: text(5000).min(3, 'solution: say what solved it (at least 3 characters)'),
  /** For customers: plain words they can follow; optional. */
  customerAnswer: text(5000).min(3, 'customerAnswer: at least 3 characters, or leave it out').optional(),
});
export type RecordSolutionInput = z.infer<typeof RecordSolutionInputSchema>;

/** The known solution of a problem group (its original's reference). */
export const KnownSolutionSchema = z.object({
  group: z.string(),
  title: z.string(),
  product: z.string(),
  solution: z.string(),
  customerAnswer: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  /** When the customer answer went on the public known-issues page; null while it is not there. */
  publishedAt: z.string().nullable(),
  /** L1 resolutions with it (escalations avoided). */
  resolvedAtL1: z.number().int(),
});
export type KnownSolution = z.infer<typeof KnownSolutionSchema>;

export const SimilarSolutionsInputSchema = z.object({ text: text(2000), limit: z.number().int().min(1).max(20).default(5) });

/** Capture an incident and resolve it at once with the known solution of `group`. */
export const ResolveWithKnownInputSchema = IncidentCreateInputSchema.extend({ group: RefInputSchema });
export type ResolveWithKnownInput = z.input<typeof ResolveWithKnownInputSchema>;

/** The incident recorded as resolved at L1, and the known solution it was resolved with. */
export const ResolveWithKnownResultSchema = z.object({ reference: z.string(), solution: KnownSolutionSchema });
export type ResolveWithKnownResult = z.infer<typeof ResolveWithKnownResultSchema>;

/** Publishing the customer answer of a group (`ref`: any incident of it) on the public known-issues page. */
export const PublishSolutionInputSchema = z.object({ ref: RefInputSchema, published: z.boolean() });
