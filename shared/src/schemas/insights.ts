import { z } from 'zod';
import { EventIdSchema, text } from './primitives.js';
import { RefInputSchema } from './procedures.js';
import { SlugSchema } from './roles.js';

const day = z.iso.date({ message: 'must be a date like "2026-11-01"' });

/** Filters every insight takes: a period (dates, inclusive) and optional team, product, version, category. */
export const InsightFilterSchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    team: SlugSchema.optional(),
    product: text(100).min(1).optional(),
    version: text(100).min(1).optional(),
    category: SlugSchema.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'from must be on or before to', path: ['from'] });
export type InsightFilter = z.infer<typeof InsightFilterSchema>;

/** One group of incidents that are one problem (a duplicate chain's original and its duplicates). */
export const RepeatedProblemSchema = z.object({
  reference: z.string(),
  title: z.string(),
  product: z.string(),
  category: z.string(),
  incidents: z.number().int(),
  customersAffected: z.number().int(),
  /** Incidents of the group in the last 14 days of the period, and in the 14 days before. */
  recent: z.number().int(),
  previous: z.number().int(),
  withWorkaround: z.number().int(),
});
export type RepeatedProblem = z.infer<typeof RepeatedProblemSchema>;

/** An unlinked incident whose text is like a group's: offered for linking. */
export const LinkSuggestionSchema = z.object({ group: z.string(), reference: z.string(), title: z.string() });
export type LinkSuggestion = z.infer<typeof LinkSuggestionSchema>;

export const RepeatedProblemsSchema = z.object({
  groups: z.array(RepeatedProblemSchema),
  suggestions: z.array(LinkSuggestionSchema),
});

export const CustomerInsightSchema = z.object({
  org: z.string(),
  incidents: z.number().int(),
  /** Incidents per category, most first. */
  categories: z.array(z.object({ category: z.string(), incidents: z.number().int() })),
  /** Share of this customer's incidents that were one of a group seen before (duplicates), 0–1. */
  repeatRate: z.number(),
});
export type CustomerInsight = z.infer<typeof CustomerInsightSchema>;

/** Median and 90th percentile of a duration in hours, and how many incidents it is over. */
export const DurationStatsSchema = z.object({
  count: z.number().int(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});
export type DurationStats = z.infer<typeof DurationStatsSchema>;

export const DurationRowSchema = z.object({
  by: z.enum(['category', 'component', 'team']),
  key: z.string(),
  firstResponse: DurationStatsSchema,
  fix: DurationStatsSchema,
  close: DurationStatsSchema,
});
export type DurationRow = z.infer<typeof DurationRowSchema>;

export const VolumeSchema = z.object({
  /** Incidents created per week (the Monday that starts it) and category. */
  perWeek: z.array(z.object({ week: z.string(), category: z.string(), incidents: z.number().int() })),
  durations: z.array(DurationRowSchema),
  /** Hours spent in each status, summed over the incidents, and median per incident that was in it. */
  waiting: z.array(z.object({ status: z.string(), totalHours: z.number(), medianHours: z.number() })),
});
export type Volume = z.infer<typeof VolumeSchema>;

export const ConfigDifferencesInputSchema = z.object({ ref: RefInputSchema });
export const ConfigDifferenceSchema = z.object({
  key: z.string(),
  value: z.string(),
  /** Share of the group's incidents with this value (0–1), and of all the product's incidents. */
  share: z.number(),
  baselineShare: z.number(),
});
export type ConfigDifference = z.infer<typeof ConfigDifferenceSchema>;

export const UpgradeWarningSchema = z.object({
  product: z.string(),
  version: z.string(),
  previousVersion: z.string(),
  /** Incidents per day in each version's first days. */
  rate: z.number(),
  previousRate: z.number(),
  days: z.number().int(),
  /** The version's problem groups (their original's reference and title), most incidents first. */
  groups: z.array(z.object({ reference: z.string(), title: z.string(), incidents: z.number().int() })),
});
export type UpgradeWarning = z.infer<typeof UpgradeWarningSchema>;

/** An upgrade warning as a live event: raised once per version, to the leads of its teams and to admins. */
export const UpgradeWarningEventSchema = z.object({
  id: z.number().int(),
  raisedAt: z.string(),
  teams: z.array(z.string()),
  warning: UpgradeWarningSchema,
});
export type UpgradeWarningEvent = z.infer<typeof UpgradeWarningEventSchema>;

/** Following upgrade warnings: from after `lastEventId` (a reconnect), else from now on. */
export const UpgradeWarningFollowInputSchema = z.object({ lastEventId: EventIdSchema.nullish() });

export const WorkaroundInsightSchema = z.object({
  reference: z.string(),
  title: z.string(),
  product: z.string(),
  workaround: z.string(),
  /** Customers living with the workaround (affected customers over the group), and its incidents. */
  customers: z.number().int(),
  incidents: z.number().int(),
});
export type WorkaroundInsight = z.infer<typeof WorkaroundInsightSchema>;

const rate = z.number().min(0).max(1);

/** How often incidents of one key (a category, or all: `key` null) went up a tier. */
export const EscalationRateSchema = z.object({
  key: z.string().nullable(),
  incidents: z.number().int(),
  /** Incidents escalated at least once. */
  escalated: z.number().int(),
  rate,
});

/**
 * Escalations: the escalation rate per category (and over all), the tier at which incidents
 * were resolved (resolved at L1 with a known solution counts as tier 1), and the escalations
 * that known solutions avoided, per problem group.
 */
export const EscalationInsightSchema = z.object({
  rates: z.array(EscalationRateSchema),
  resolvingTiers: z.array(z.object({ tier: z.number().int(), resolved: z.number().int(), share: rate })),
  avoided: z.object({
    total: z.number().int(),
    groups: z.array(z.object({ reference: z.string(), title: z.string(), resolvedAtL1: z.number().int() })),
  }),
});
export type EscalationInsight = z.infer<typeof EscalationInsightSchema>;

/** Customers' evaluations (1–5, from their page) of one team's incidents. */
export const TeamEvaluationSchema = z.object({
  team: z.string(),
  evaluations: z.number().int(),
  averageRating: z.number(),
  /** How many gave 1, 2, 3, 4 and 5. */
  ratings: z.array(z.number().int()).length(5),
});
export type TeamEvaluation = z.infer<typeof TeamEvaluationSchema>;
