import { describe, expect, it } from 'vitest';
import { customerComment } from './customerComments';

const base = {
  access: 'full',
  id: '42',
  at: '2026-11-30T10:00:00Z',
  reference: 'INC-7',
  title: 'Crash',
  status: 'in_progress',
  team: 'accounts',
  owner: null,
  text: 'Still broken on Safari',
  data: { shareId: 1 },
  actor: { id: 0, name: 'Customer' },
  reporter: { id: 1, name: 'Alice Agent' },
  visibility: 'customer',
};

describe('customerComment', () => {
  it("picks out a customer's comment from the live events", () => {
    expect(customerComment({ ...base, kind: 'customer_comment' })?.text).toBe('Still broken on Safari');
  });
  it('ignores staff comments, summaries and malformed events', () => {
    expect(customerComment({ ...base, kind: 'comment' })).toBeNull();
    expect(customerComment({ access: 'summary', id: '1', kind: 'customer_comment' })).toBeNull();
    expect(customerComment('nonsense')).toBeNull();
  });
});
