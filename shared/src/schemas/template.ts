import { z } from 'zod';
import { text } from './primitives.js';
import { SlugSchema } from './roles.js';

export const QUESTION_KINDS = ['text', 'longtext', 'yesno', 'choice', 'number', 'url'] as const;
export const QuestionKindSchema = z.enum(QUESTION_KINDS);

export const QuestionSchema = z
  .object({
    id: SlugSchema,
    text: text(300).min(3),
    why: text(500).min(3),
    required: z.boolean(),
    kind: QuestionKindSchema,
    options: z.array(text(100).min(1)).max(30).optional(),
  })
  .refine((q) => q.kind !== 'choice' || (q.options?.length ?? 0) >= 2, {
    message: 'A choice question needs at least two options',
    path: ['options'],
  });
export type Question = z.infer<typeof QuestionSchema>;

export const TemplateInputSchema = z
  .object({
    category: SlugSchema,
    label: text(80).min(1),
    questions: z.array(QuestionSchema).max(40),
    /** When L1 should escalate an incident of this category, e.g. "escalate when payments fail for more than one customer". */
    escalateWhen: text(500).min(3, 'must be at least 3 characters, or left out').optional(),
  })
  .refine((t) => new Set(t.questions.map((q) => q.id)).size === t.questions.length, {
    message: 'Question ids must be unique within a template',
    path: ['questions'],
  });
export type TemplateInput = z.infer<typeof TemplateInputSchema>;

/** A category's question list; every upsert creates a new version, older ones are kept. */
export const TemplateSchema = z.object({
  category: z.string(),
  label: z.string(),
  version: z.number().int().positive(),
  questions: z.array(QuestionSchema),
  escalateWhen: z.string().nullable().optional(),
});
export type Template = z.infer<typeof TemplateSchema>;

/** Names of the required questions of `template` that `answers` leaves empty. */
export function missingRequiredAnswers(template: Template, answers: Record<string, string>): Question[] {
  // Own properties only: a question id such as "constructor" must not find Object.prototype's.
  return template.questions.filter((q) => q.required && !(Object.hasOwn(answers, q.id) ? answers[q.id]! : '').trim());
}
