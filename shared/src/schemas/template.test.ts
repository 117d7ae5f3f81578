import { describe, expect, it } from 'vitest';
import { keepVisibleAnswers, missingRequiredAnswers, type Question, TemplateInputSchema, visibleQuestions } from './template.js';

const q = (id: string, extra: Partial<Question> = {}): Question => ({
  id,
  text: `Question ${id}`,
  why: `Because ${id}`,
  required: false,
  kind: 'text',
  ...extra,
});

const login = {
  questions: [
    q('method', { kind: 'choice', options: ['Password', 'SSO', 'Magic link'], required: true }),
    q('idp', { required: true, showIf: { question: 'method', equals: 'SSO' } }),
    q('idp-error', { showIf: { question: 'idp', equals: ['Okta', 'Azure AD'] } }),
    q('mfa', { kind: 'yesno' }),
    q('mfa-app', { required: true, showIf: { question: 'mfa', equals: 'yes' } }),
  ],
};

describe('question conditions', () => {
  it('asks a conditional question only when the earlier answer matches', () => {
    expect(visibleQuestions(login, {}).map((x) => x.id)).toEqual(['method', 'mfa']);
    expect(visibleQuestions(login, { method: 'SSO' }).map((x) => x.id)).toEqual(['method', 'idp', 'mfa']);
    expect(visibleQuestions(login, { method: ' sso ' }).map((x) => x.id)).toEqual(['method', 'idp', 'mfa']);
    expect(visibleQuestions(login, { method: 'Password', mfa: 'yes' }).map((x) => x.id)).toEqual(['method', 'mfa', 'mfa-app']);
  });

  it('matches any value of a list, and hides a question whose own condition question is hidden', () => {
    expect(visibleQuestions(login, { method: 'SSO', idp: 'Azure AD' }).map((x) => x.id)).toContain('idp-error');
    expect(visibleQuestions(login, { method: 'SSO', idp: 'Google' }).map((x) => x.id)).not.toContain('idp-error');
    // The IdP answer is still in the draft, but "idp" is no longer asked: neither is what depends on it.
    expect(visibleQuestions(login, { method: 'Password', idp: 'Okta' }).map((x) => x.id)).toEqual(['method', 'mfa']);
  });

  it('never requires a hidden question', () => {
    expect(missingRequiredAnswers(login, { method: 'Password' }).map((x) => x.id)).toEqual([]);
    expect(missingRequiredAnswers(login, { method: 'SSO' }).map((x) => x.id)).toEqual(['idp']);
    expect(missingRequiredAnswers(login, {}).map((x) => x.id)).toEqual(['method']);
  });

  it('drops answers to hidden questions and keeps answers to ids it does not know', () => {
    expect(keepVisibleAnswers(login, { method: 'Password', idp: 'Okta', 'idp-error': 'x', legacy: 'kept' })).toEqual({
      method: 'Password',
      legacy: 'kept',
    });
    expect(keepVisibleAnswers(login, { method: 'SSO', idp: 'Okta' })).toEqual({ method: 'SSO', idp: 'Okta' });
  });

  it('does not let an answer named like an Object property leak through', () => {
    const t = { questions: [q('constructor', { required: true })] };
    expect(missingRequiredAnswers(t, {}).map((x) => x.id)).toEqual(['constructor']);
  });
});

describe('template validation of conditions', () => {
  const parse = (questions: Question[]) => TemplateInputSchema.safeParse({ category: 'login', label: 'Login', questions });
  const issues = (questions: Question[]) => {
    const r = parse(questions);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts conditions on earlier questions', () => {
    expect(parse(login.questions).success).toBe(true);
  });

  it('names a condition that points at a later question', () => {
    expect(issues([q('a', { showIf: { question: 'b', equals: 'x' } }), q('b')])).toEqual([
      'questions.0.showIf.question: "b" comes after this question; move it above "a" or drop the condition',
    ]);
  });

  it('names a condition that points at a missing question or at itself', () => {
    expect(issues([q('a'), q('b', { showIf: { question: 'nope', equals: 'x' } })])).toEqual([
      'questions.1.showIf.question: "nope" is not a question of this template',
    ]);
    expect(issues([q('a', { showIf: { question: 'a', equals: 'x' } })])).toEqual([
      'questions.0.showIf.question: "a" is this question itself (a condition cannot depend on its own answer)',
    ]);
  });

  it('rejects a cycle (each condition would have to look forward somewhere)', () => {
    const r = issues([q('a', { showIf: { question: 'b', equals: 'x' } }), q('b', { showIf: { question: 'a', equals: 'y' } })]);
    expect(r).toEqual(['questions.0.showIf.question: "b" comes after this question; move it above "a" or drop the condition']);
  });

  it('rejects an empty list of values', () => {
    const r = parse([q('a'), q('b', { showIf: { question: 'a', equals: [] } })]);
    expect(r.success).toBe(false);
  });
});
