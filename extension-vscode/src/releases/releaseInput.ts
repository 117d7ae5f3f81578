import { z } from 'zod';
import { ReleaseCreateInputSchema } from '@handoff/shared';

/**
 * Checks of what a person types into "Create Release…"; each returns null when fine or a problem
 * (a key the command localises). Pure, so unit-tested without VS Code.
 */

/** Limits of `releases.create`, read from its shared schema (never re-typed here). */
export const MAX_VERSION_LENGTH = ReleaseCreateInputSchema.shape.version.maxLength ?? Number.POSITIVE_INFINITY;
const knownIssues = ReleaseCreateInputSchema.shape.knownIssues.unwrap();
// zod exposes an array's largest size through its JSON Schema only
export const MAX_KNOWN_ISSUES = z.toJSONSchema(knownIssues).maxItems ?? Number.POSITIVE_INFINITY;
export const MAX_KNOWN_ISSUE_LENGTH = knownIssues.element.maxLength ?? Number.POSITIVE_INFINITY;
export type InputProblem = 'empty' | 'tooLong' | 'badVersion' | 'badDate' | 'noSuchDate';

export function versionProblem(text: string): InputProblem | null {
  const v = text.trim();
  if (!v) return 'empty';
  if (v.length > MAX_VERSION_LENGTH) return 'tooLong';
  if (!/^[0-9A-Za-z][0-9A-Za-z.+_-]*$/.test(v)) return 'badVersion';
  return null;
}

/** A planned date as YYYY-MM-DD that exists in the calendar (2026-02-30 does not). */
export function plannedDateProblem(text: string): InputProblem | null {
  const v = text.trim();
  if (!v) return 'empty';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return 'badDate';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return 'noSuchDate';
  return null;
}

/** A known issue line longer than the contract allows. */
export function knownIssueProblem(text: string): InputProblem | null {
  return parseKnownIssues(text).some((l) => l.length > MAX_KNOWN_ISSUE_LENGTH) ? 'tooLong' : null;
}

/** Known issues typed one per line; blank lines are dropped. */
export function parseKnownIssues(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A default planned date: `days` after `now`, as YYYY-MM-DD. */
export function defaultPlannedDate(now: Date, days = 7): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
