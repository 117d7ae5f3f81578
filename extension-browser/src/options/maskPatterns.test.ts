import { describe, expect, it } from 'vitest';
import { addPattern } from './maskPatterns';

describe('addPattern', () => {
  it('adds a valid pattern at the end', () => {
    expect(addPattern(['INV-\\d+'], 'ORD-\\d{6}')).toEqual({ ok: true, patterns: ['INV-\\d+', 'ORD-\\d{6}'] });
  });
  it('refuses a pattern already in the list, and a 21st one', () => {
    expect(addPattern(['ORD-\\d{6}'], 'ORD-\\d{6}')).toEqual({ ok: false, problem: 'duplicate' });
    expect(
      addPattern(
        Array.from({ length: 20 }, (_, i) => `p${i}`),
        'x',
      ),
    ).toEqual({ ok: false, problem: 'tooMany', max: 20 });
  });
  it('passes on why the pattern itself cannot be used', () => {
    expect(addPattern([], '[')).toMatchObject({ ok: false, problem: 'invalid' });
    expect(addPattern([], 'x?')).toEqual({ ok: false, problem: 'matchesEmpty' });
  });
});
