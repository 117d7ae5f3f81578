import { describe, expect, it } from 'vitest';
import { normalizeForSearch, searchTerms } from './searchText.js';

describe('search text', () => {
  it('splits code-like tokens the same way for every engine', () => {
    expect(normalizeForSearch('TypeError in SessionStore.handle (CartReducer.ts:43)')).toBe(
      'typeerror in sessionstore handle cartreducer ts 43',
    );
    expect(normalizeForSearch('Ünïcode — straße/ÄÖ')).toBe('ünïcode straße äö');
  });

  it('drops stop words, keeps at most 12 terms, and marks an unfinished last word', () => {
    expect(searchTerms('the login fails after the update')).toEqual({ terms: ['login', 'fails', 'after', 'update'], prefixLast: true });
    expect(searchTerms('login fails ')).toEqual({ terms: ['login', 'fails'], prefixLast: false });
    expect(searchTerms(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ')).terms).toHaveLength(12);
    expect(searchTerms('')).toEqual({ terms: [], prefixLast: false });
  });

  it('ignores a one-letter fragment being typed', () => {
    expect(searchTerms('sync s')).toEqual({ terms: ['sync'], prefixLast: false });
    expect(searchTerms('sync st')).toEqual({ terms: ['sync', 'st'], prefixLast: true });
  });
});
