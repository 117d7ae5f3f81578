import { describe, expect, it } from 'vitest';
import { compilePattern, DEFAULT_MASK_RULES, MASK, maskFieldValue, maskText, stripUrl } from './mask';

const field = (over: Partial<{ tag: string; type: string; autocomplete: string; name: string }> = {}) => ({
  tag: 'input',
  type: 'text',
  autocomplete: '',
  name: '',
  ...over,
});

describe('masking what the recorder keeps', () => {
  it('never keeps a password, whatever the field says it is', () => {
    expect(maskFieldValue(field({ type: 'password' }), 'hunter2', DEFAULT_MASK_RULES)).toEqual({ value: MASK, masked: 'password' });
    expect(maskFieldValue(field({ autocomplete: 'new-password' }), 'hunter2', DEFAULT_MASK_RULES)).toEqual({
      value: MASK,
      masked: 'password',
    });
    expect(maskFieldValue(field({ name: 'user_pwd' }), 'x', DEFAULT_MASK_RULES).masked).toBe('password');
  });

  it('masks card numbers by autocomplete and by their shape anywhere', () => {
    expect(maskFieldValue(field({ autocomplete: 'cc-number' }), '4', DEFAULT_MASK_RULES)).toEqual({ value: MASK, masked: 'card' });
    expect(maskFieldValue(field({ name: 'card' }), '4242 4242 4242 4242', DEFAULT_MASK_RULES)).toEqual({ value: MASK, masked: 'card' });
    expect(maskText('paid with 4000-0566-5566-5556 today', DEFAULT_MASK_RULES)).toEqual({
      text: `paid with ${MASK} today`,
      masked: 'card',
    });
    expect(maskFieldValue(field(), 'order 12345', DEFAULT_MASK_RULES)).toEqual({ value: 'order 12345' });
  });

  it('masks tokens, and e-mails or the agent’s own patterns when configured', () => {
    expect(maskText('key sk_live_abcdefgh1234', DEFAULT_MASK_RULES).masked).toBe('token');
    expect(maskText('ann@example.com', DEFAULT_MASK_RULES).text).toBe('ann@example.com');
    expect(maskText('ann@example.com', { emails: true, patterns: [] })).toEqual({ text: MASK, masked: 'email' });
    expect(maskText('customer ACME-778-XZ', { emails: false, patterns: ['ACME-\\d+-\\w+', '(broken'] })).toEqual({
      text: `customer ${MASK}`,
      masked: 'pattern',
    });
  });

  it('strips credentials and token-like parameters from URLs', () => {
    expect(stripUrl('https://u:p@shop.test/pay?session=abc&plan=pro&access_token=xyz#id_token=q&x=1', DEFAULT_MASK_RULES)).toBe(
      'https://shop.test/pay?session=REDACTED&plan=pro&access_token=REDACTED#id_token=REDACTED&x=1',
    );
    expect(stripUrl('https://shop.test/cards/4242424242424242', DEFAULT_MASK_RULES)).toBe(`https://shop.test/cards/${MASK}`);
  });
});

describe('compilePattern: custom patterns from the options', () => {
  it('compiles a usable pattern, global so every match is masked', () => {
    const c = compilePattern('ORD-\\d{6}');
    expect(c.ok && maskText('orders ORD-123456 and ORD-654321', { emails: false, patterns: ['ORD-\\d{6}'] }).text).toBe(
      `orders ${MASK} and ${MASK}`,
    );
  });
  it('names what is wrong: empty, too long, invalid, matching the empty text', () => {
    expect(compilePattern('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(compilePattern('a'.repeat(501))).toEqual({ ok: false, problem: 'tooLong', max: 500 });
    expect(compilePattern('ORD-(\\d+')).toMatchObject({
      ok: false,
      problem: 'invalid',
      detail: expect.stringMatching(/Unterminated group/),
    });
    expect(compilePattern('\\d*')).toEqual({ ok: false, problem: 'matchesEmpty' });
  });
  it('skips a stored pattern that cannot be used instead of breaking the recording', () => {
    expect(maskText('ORD-1 x', { emails: false, patterns: ['(', '\\d*', 'ORD-\\d'] }).text).toBe(`${MASK} x`);
  });
});
