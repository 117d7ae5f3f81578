import { describe, expect, it } from 'vitest';
import { parseReferenceInput } from './referenceInput';
import { referenceProblem } from '../commands/openIncident';

describe('parseReferenceInput', () => {
  it.each(['INC-1042', 'inc 1042', 'inc-1042', '1042', ' #1042 ', 'Inc1042'])('accepts %j as INC-1042', (text) => {
    expect(parseReferenceInput(text, 'INC')).toEqual({ ok: true, ref: 'INC-1042' });
  });
  it('tells empty, malformed and wrong-prefix input apart', () => {
    expect(parseReferenceInput('  ', 'INC')).toEqual({ ok: false, problem: 'empty' });
    expect(parseReferenceInput('login bug', 'INC')).toEqual({ ok: false, problem: 'malformed' });
    expect(parseReferenceInput('INC-0', 'INC')).toEqual({ ok: false, problem: 'malformed' });
    expect(parseReferenceInput('BUG-12', 'INC')).toEqual({ ok: false, problem: 'wrongPrefix' });
  });
  it('uses the configured prefix', () => {
    expect(parseReferenceInput('sup 7', 'SUP')).toEqual({ ok: true, ref: 'SUP-7' });
  });
  it('gives a message naming what was typed', () => {
    expect(referenceProblem('INC-1042', 'INC')).toBeNull();
    expect(referenceProblem('hello', 'INC')).toContain('"hello" is not an incident reference');
    expect(referenceProblem('BUG-1', 'INC')).toContain('start with INC-');
  });
});
