import { describe, expect, it } from 'vitest';
import { checklistOf } from './checklist';

describe('checklistOf', () => {
  const steps = [
    { action: 'Open the shop' },
    { action: 'Type the coupon', expected: 'Coupon accepted' },
    { action: 'Click “Pay now”', expected: 'Order confirmed', actual: 'Payment failed' },
  ];

  it('numbers the steps, ticks the remembered ones and marks the one whose actual result differs', () => {
    expect(checklistOf(steps, [0, 2])).toEqual([
      { index: 0, action: 'Open the shop', failing: false, done: true },
      { index: 1, action: 'Type the coupon', expected: 'Coupon accepted', failing: false, done: false },
      { index: 2, action: 'Click “Pay now”', expected: 'Order confirmed', actual: 'Payment failed', failing: true, done: true },
    ]);
  });

  it('does not call a step failing when what happened is what was expected', () => {
    expect(checklistOf([{ action: 'Save', expected: 'Saved', actual: 'Saved' }], [])[0]?.failing).toBe(false);
  });

  it('ignores remembered indexes past the last step (the steps were edited meanwhile)', () => {
    expect(checklistOf(steps.slice(0, 1), [0, 5]).map((s) => s.done)).toEqual([true]);
  });
});
