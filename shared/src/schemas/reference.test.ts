import { describe, expect, it } from 'vitest';
import { formatRef, normalizeRef, parseRef } from './reference.js';

describe('references', () => {
  it('formats with the default or a configured prefix', () => {
    expect(formatRef(1042)).toBe('INC-1042');
    expect(formatRef(7, 'sup')).toBe('SUP-7');
    expect(() => formatRef(0)).toThrow(RangeError);
    expect(() => formatRef(1.5)).toThrow(RangeError);
  });

  it.each(['INC-1042', 'inc-1042', 'inc 1042', '#1042', '1042', '  INC-1042 ', 'Inc1042', '# 1042'])('parses %j', (text) => {
    expect(parseRef(text)).toBe(1042);
    expect(parseRef(text, 'INC')).toBe(1042);
  });

  it.each(['', 'INC-', 'INC-abc', '10 42', '-1042', 'INC--x', '#', '0', 'INC-0', '1042a', 'INC-1042-2', '9'.repeat(16)])(
    'rejects %j',
    (text) => expect(parseRef(text)).toBeNull(),
  );

  it('rejects another prefix when one is configured', () => {
    expect(parseRef('BUG-12', 'INC')).toBeNull();
    expect(parseRef('BUG-12')).toBe(12);
    expect(parseRef('sup 12', 'SUP')).toBe(12);
  });

  it('normalises any spelling to the canonical reference', () => {
    expect(normalizeRef('inc 1042')).toBe('INC-1042');
    expect(normalizeRef('#5', 'SUP')).toBe('SUP-5');
    expect(normalizeRef('nonsense')).toBeNull();
  });

  it('round-trips', () => {
    for (const n of [1, 42, 1001, 99999, Number.MAX_SAFE_INTEGER]) expect(parseRef(formatRef(n))).toBe(n);
  });
});
