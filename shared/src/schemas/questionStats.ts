import { z } from 'zod';
import { SlugSchema } from './roles.js';

/** `templates.stats`: which questions of a category earn their place. */
export const TemplateStatsInputSchema = z.object({
  category: SlugSchema,
  /** Only incidents captured on or after this day (ISO date); default: all. */
  since: z.iso.date('since must be a date like 2026-11-01').optional(),
});

export const QuestionStatSchema = z.object({
  id: z.string(),
  text: z.string(),
  /** Incidents that were asked this question (it existed in their version and its condition held). */
  asked: z.number().int(),
  /** Of those, how many got an answer. */
  answered: z.number().int(),
  /** Developer questions to L1 on this category's incidents that asked for the same information. */
  askedAgainByDevelopers: z.number().int(),
});

/** Questions developers keep asking L1 that the list does not cover: candidates to add. */
export const QuestionSuggestionSchema = z.object({
  /** The most typical wording among the similar questions. */
  text: z.string(),
  count: z.number().int(),
  /** Up to five references of incidents where it was asked. */
  references: z.array(z.string()),
  examples: z.array(z.string()),
});

export const TemplateStatsSchema = z.object({
  category: z.string(),
  incidents: z.number().int(),
  questions: z.array(QuestionStatSchema),
  suggestions: z.array(QuestionSuggestionSchema),
});
export type TemplateStats = z.infer<typeof TemplateStatsSchema>;
