import { describe, expect, it } from 'vitest';
import { attachRecording, likelyFailing, seenAt } from './review';
import type { RecordingState } from './state';

const state: RecordingState = {
  status: 'stopped',
  tabId: 1,
  windowId: 1,
  title: 'Checkout fails',
  pageUrl: 'http://shop.test/checkout',
  shots: { '3': 'AAAA' },
  steps: [
    { type: 'navigate', url: 'http://shop.test/login' },
    { type: 'change', value: '••••', selectors: [['aria/Password']], handoff: { masked: 'password' } },
    { type: 'click', selectors: [['aria/Help[role="link"]']], offsetX: 1, offsetY: 1 },
    {
      type: 'click',
      selectors: [['aria/Pay now[role="button"]']],
      offsetX: 1,
      offsetY: 1,
      handoff: {
        console: [{ level: 'error', text: 'Payment failed: HTTP 500' }],
        network: [{ method: 'POST', url: 'http://shop.test/api/pay', status: 500, durationMs: 9 }],
      },
    },
  ],
};

describe('reviewing a recording', () => {
  it('proposes the first step where something failed, with what was seen there', () => {
    expect(likelyFailing(state.steps)).toBe(3);
    expect(seenAt(state.steps[3])).toBe('Payment failed: HTTP 500\nPOST http://shop.test/api/pay → 500');
  });

  it('keeps what the agent kept, marks the failing step and carries its screenshot', () => {
    const r = attachRecording(state, { dropped: [2], failing: 3, expected: 'Order confirmed', actual: 'Payment failed' });
    if (!r.ok) throw new Error(r.error);
    expect(r.recording.steps).toHaveLength(3);
    expect(r.recording.steps[2]?.handoff).toMatchObject({
      failing: true,
      expected: 'Order confirmed',
      actual: 'Payment failed',
      screenshot: 'step-3.jpg',
    });
    expect(r.screenshot).toEqual({ name: 'step-3.jpg', mediaType: 'image/jpeg', dataBase64: 'AAAA' });
    expect(r.steps.map((s) => s.action)).toEqual([
      'Open http://shop.test/login',
      'Enter a password in “Password” (masked)',
      'Click “Pay now” (button)',
    ]);
    expect(r.steps[2]).toMatchObject({ expected: 'Order confirmed', actual: 'Payment failed' });
  });

  it('says why when nothing is left to attach', () => {
    expect(attachRecording(state, { dropped: [0, 1, 2, 3], failing: null, expected: '', actual: '' })).toEqual({
      ok: false,
      error: 'steps: steps: a recording needs at least one step',
    });
  });
});
