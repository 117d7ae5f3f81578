import { z } from 'zod';
import { text } from './primitives.js';
import { SlugSchema } from './roles.js';

export const QUESTION_KINDS = ['text', 'longtext', 'yesno', 'choice', 'number', 'url'] as const;
export const QuestionKindSchema = z.enum(QUESTION_KINDS);

/**
 * Ask a question only when an earlier question's answer is `equals` (or one of a list of values).
 * Yes/no answers are stored as "yes" and "no".
 */
export const ShowIfSchema = z.object({
  question: SlugSchema,
  equals: z.union([text(100).min(1), z.array(text(100).min(1)).min(1).max(30)]),
});
export type ShowIf = z.infer<typeof ShowIfSchema>;

export const QuestionSchema = z
  .object({
    id: SlugSchema,
    text: text(300).min(3),
    why: text(500).min(3),
    required: z.boolean(),
    kind: QuestionKindSchema,
    options: z.array(text(100).min(1)).max(30).optional(),
    showIf: ShowIfSchema.optional(),
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
  })
  .superRefine((t, ctx) => {
    // A condition looks back only: that rules out cycles and keeps the form readable top to bottom.
    t.questions.forEach((q, i) => {
      const on = q.showIf?.question;
      if (on === undefined) return;
      const at = t.questions.findIndex((o) => o.id === on);
      const why =
        on === q.id
          ? `"${on}" is this question itself (a condition cannot depend on its own answer)`
          : at < 0
            ? `"${on}" is not a question of this template`
            : at > i
              ? `"${on}" comes after this question; move it above "${q.id}" or drop the condition`
              : null;
      if (why) ctx.addIssue({ code: 'custom', message: why, path: ['questions', i, 'showIf', 'question'] });
    });
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

/** `templates.version`: one saved version of a category's questions (what an incident was asked). */
export const TemplateVersionInputSchema = z.object({ category: SlugSchema, version: z.number().int().positive().max(1_000_000) });
/** `templates.history`: every saved version of a category's questions, newest first. */
export const TemplateHistoryInputSchema = z.object({ category: SlugSchema });
export const TemplateVersionSchema = TemplateSchema.extend({
  createdAt: z.string(),
  /** Who saved the version; null for versions saved before this was kept (or seeded by the server). */
  savedBy: z.string().nullable(),
});
export type TemplateVersion = z.infer<typeof TemplateVersionSchema>;

// Own properties only: a question id such as "constructor" must not find Object.prototype's.
const answerOf = (answers: Record<string, string>, id: string) => (Object.hasOwn(answers, id) ? answers[id]! : '');

/** Whether `answer` satisfies a condition (case and surrounding spaces do not matter). */
function matches(showIf: ShowIf, answer: string): boolean {
  const norm = (v: string) => v.trim().toLowerCase();
  const wanted = Array.isArray(showIf.equals) ? showIf.equals : [showIf.equals];
  return answer.trim() !== '' && wanted.some((w) => norm(w) === norm(answer));
}

/**
 * The questions to ask given the answers so far, in order: a question with a condition is asked
 * only when the question it depends on is itself asked and its answer matches.
 */
export function visibleQuestions(template: Pick<Template, 'questions'>, answers: Record<string, string>): Question[] {
  const shown = new Set<string>();
  const out: Question[] = [];
  for (const q of template.questions) {
    if (q.showIf && !(shown.has(q.showIf.question) && matches(q.showIf, answerOf(answers, q.showIf.question)))) continue;
    shown.add(q.id);
    out.push(q);
  }
  return out;
}

/**
 * The answers worth keeping: those to questions asked given the other answers. Answers to ids
 * the template does not know are kept (a template may have changed since the form was filled);
 * answers to hidden questions are dropped — they answer a question nobody was asked.
 */
export function keepVisibleAnswers(template: Pick<Template, 'questions'>, answers: Record<string, string>): Record<string, string> {
  const known = new Set(template.questions.map((q) => q.id));
  const visible = new Set(visibleQuestions(template, answers).map((q) => q.id));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !known.has(id) || visible.has(id)));
}

/** The required questions of `template`, asked given `answers`, that `answers` leaves empty. */
export function missingRequiredAnswers(template: Pick<Template, 'questions'>, answers: Record<string, string>): Question[] {
  return visibleQuestions(template, answers).filter((q) => q.required && !answerOf(answers, q.id).trim());
}
