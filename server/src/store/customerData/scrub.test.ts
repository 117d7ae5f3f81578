import { describe, expect, it } from 'vitest';
import { mentions, scrubber, scrubJson } from './scrub.js';

const who = { emails: ['jane.roe@example.com'], names: ['Jane Roe', 'Al'] };
const scrub = scrubber(who, 'erased customer #4');

describe('scrubbing a customer out of free text', () => {
  it('replaces the e-mail address and the full name in any case and spacing', () => {
    expect(scrub('Jane Roe (JANE.ROE@example.com) says: jane  roe cannot sign in')).toBe(
      'erased customer #4 (erased customer #4) says: erased customer #4 cannot sign in',
    );
  });

  it('keeps words that only contain the name, and names too short to find safely', () => {
    expect(scrub('Jane Roebuck and Al; mary-jane roes')).toBe('Jane Roebuck and Al; mary-jane roes');
  });

  it('treats the name as text, not as a pattern', () => {
    expect(scrubber({ emails: [], names: ['A.B (C)'] }, 'X')('see A.B (C) and AxB (C)')).toBe('see X and AxB (C)');
  });

  it('rewrites every string of a JSON value, keys included', () => {
    expect(JSON.parse(scrubJson('{"Jane Roe":["jane.roe@example.com",{"n":3,"t":"hi Jane Roe"}]}', scrub))).toEqual({
      'erased customer #4': ['erased customer #4', { n: 3, t: 'hi erased customer #4' }],
    });
  });

  it('tells whether a text mentions the customer', () => {
    expect(mentions(who, 'Called jane roe back')).toBe(true);
    expect(mentions(who, 'Called Jane back')).toBe(false);
  });
});
