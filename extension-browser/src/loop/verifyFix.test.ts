import { describe, expect, it } from 'vitest';
import { verifySteps } from './verifyFix';

describe('verifying a fix with the customer', () => {
  it('confirmed: closed as confirmed by the customer in one request (only closed if already verified)', () => {
    expect(verifySteps('INC-1', 'confirmed', '', 'fixed')).toEqual([{ ref: 'INC-1', to: 'closed', customerConfirmed: true }]);
    expect(verifySteps('INC-1', 'confirmed', '', 'verified')).toEqual([{ ref: 'INC-1', to: 'closed' }]);
  });
  it('still fails reopens with what still fails, and needs that text', () => {
    expect(verifySteps('INC-1', 'still_fails', '  ', 'fixed')).toEqual({ missing: 'verifyNeedStillFails' });
    expect(verifySteps('INC-1', 'still_fails', ' Export still empty ', 'fixed')).toEqual([
      { ref: 'INC-1', to: 'in_progress', reason: 'Export still empty' },
    ]);
  });
  it('an unreachable customer closes with the reason', () => {
    expect(verifySteps('INC-1', 'unreachable', '', 'fixed')).toEqual({ missing: 'verifyNeedUnreachable' });
    expect(verifySteps('INC-1', 'unreachable', 'No reply in 14 days', 'fixed')).toEqual([
      { ref: 'INC-1', to: 'closed', unverifiedReason: 'No reply in 14 days' },
    ]);
  });
});
