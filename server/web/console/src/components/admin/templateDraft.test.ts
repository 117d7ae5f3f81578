import { SlugSchema, TemplateInputSchema } from '@handoff/shared';
import { describe, expect, it } from 'vitest';
import { calendarInputOf, calendarDraftOf } from './calendarDraft.js';
import { draftOf, draftQuestion, idFromText, inputOf, moved } from './templateDraft.js';

const template = {
  category: 'login',
  label: 'Signing in',
  version: 3,
  escalateWhen: null,
  questions: [
    {
      id: 'sso',
      text: 'SSO or password?',
      why: 'Different code paths',
      required: true,
      kind: 'choice' as const,
      options: ['SSO', 'Password'],
    },
    {
      id: 'idp',
      text: 'Which provider?',
      why: 'Its log names the claim',
      required: true,
      kind: 'text' as const,
      showIf: { question: 'sso', equals: 'SSO' },
    },
    {
      id: 'os',
      text: 'Which OS?',
      why: 'Drivers differ',
      required: false,
      kind: 'text' as const,
      showIf: { question: 'sso', equals: ['SSO', 'Password'] },
    },
  ],
};

describe('the question editor’s draft', () => {
  it('round-trips a saved version unchanged (one value stays a value, several stay a list)', () => {
    const input = inputOf(draftOf(template));
    expect(input).toEqual({ category: 'login', label: 'Signing in', questions: template.questions });
    expect(TemplateInputSchema.safeParse(input).success).toBe(true);
  });

  it('keeps options only for choice questions and drops a condition without values', () => {
    const d = draftOf(template);
    d.questions[0] = { ...d.questions[0]!, kind: 'text' };
    d.questions[1] = { ...d.questions[1]!, showIf: { question: 'sso', equals: [] } };
    const [first, second] = inputOf(d).questions;
    expect(first).not.toHaveProperty('options');
    expect(second).not.toHaveProperty('showIf');
  });

  it('reads options one per line, ignoring blank lines and spaces', () => {
    const q = draftQuestion({ id: 'plan', text: 'Which plan?', why: 'Limits differ', required: false, kind: 'choice' });
    q.optionsText = ' Basic \n\n Pro\n';
    expect(inputOf({ category: 'x', label: 'X', escalateWhen: '', questions: [q] }).questions[0]!.options).toEqual(['Basic', 'Pro']);
  });

  it('moves an item and leaves the list alone for a move off either end', () => {
    expect(moved(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    const list = ['a', 'b'];
    expect(moved(list, 0, -1)).toBe(list);
    expect(moved(list, 1, 2)).toBe(list);
  });

  it('derives a question id from its text that the schema accepts and that is not taken', () => {
    const long = idFromText('Which browser version does the customer use?', []);
    expect(long).toBe('which_browser_version_does_the_cus');
    // Room for a "_2" suffix within the 40 characters a slug may have.
    expect(SlugSchema.safeParse(`${long}_99`).success).toBe(true);
    expect(idFromText('Which OS?', ['which_os'])).toBe('which_os_2');
    expect(idFromText('¿Qué?', [])).toBe('que');
    expect(idFromText('???', [])).toBe('question');
  });
});

describe('the calendar form’s draft', () => {
  it('splits stretches at either dash and sends what it cannot read as typed, for the server to name', () => {
    const d = calendarDraftOf(null);
    const input = calendarInputOf({
      ...d,
      id: 'paris',
      name: 'Paris',
      timeZone: 'Europe/Paris',
      hours: { ...d.hours, mon: '09:00–12:30, 13:30-17:00', tue: '9' },
      holidayCountry: 'fr',
      closedDates: '2026-12-24, ',
    });
    expect(input.hours?.mon).toEqual([
      { from: '09:00', to: '12:30' },
      { from: '13:30', to: '17:00' },
    ]);
    expect(input.hours?.tue).toEqual([{ from: '9', to: '' }]);
    expect(input.holidayCountry).toBe('FR');
    expect(input.closedDates).toEqual(['2026-12-24']);
  });
});
