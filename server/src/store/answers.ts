import { keepVisibleAnswers, missingRequiredAnswers, type Template } from '@handoff/shared';
import { badRequest } from './errors.js';
import type { IncidentRow } from './schema.js';
import type { Store, Trx } from './store.js';

/**
 * The answers to store for `template`: those to questions hidden by their condition are dropped
 * (nobody was asked them), and every required question that is asked must be answered.
 */
export function checkedAnswers(template: Pick<Template, 'questions'>, answers: Record<string, string>): Record<string, string> {
  const missing = missingRequiredAnswers(template, answers);
  if (missing.length > 0) {
    throw badRequest(
      `answers: required question${missing.length > 1 ? 's' : ''} not answered: ` + missing.map((q) => `"${q.id}" (${q.text})`).join(', '),
    );
  }
  return keepVisibleAnswers(template, answers);
}

/** New answers for an incident, checked against the question list it was captured with. */
export async function answersFor(
  store: Store,
  row: IncidentRow,
  answers: Record<string, string>,
  trx: Trx,
): Promise<Record<string, string>> {
  if (row.template_version === null) return answers;
  const template = await store.templateVersion(row.category, row.template_version, trx);
  return template ? checkedAnswers(template, answers) : answers;
}
