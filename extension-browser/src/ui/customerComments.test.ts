import { describe, expect, it } from 'vitest';
import { customerComment, customerNotice } from './customerComments';

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

describe('customerNotice', () => {
  it("tells the agent of the customer's comment and of their closing evaluation with its rating", () => {
    expect(customerNotice({ ...base, kind: 'customer_comment' })).toMatchObject({ kind: 'comment', rating: null });
    const rated = customerNotice({
      ...base,
      kind: 'evaluation',
      status: 'closed',
      text: '4/5 — thanks',
      data: { rating: 4, comment: 'thanks' },
    });
    expect(rated).toMatchObject({ kind: 'evaluation', rating: 4, event: { reference: 'INC-7', text: '4/5 — thanks' } });
  });
  it('ignores staff entries and evaluations without a rating', () => {
    expect(customerNotice({ ...base, kind: 'comment' })).toBeNull();
    expect(customerNotice({ ...base, kind: 'evaluation', data: {} })).toBeNull();
  });
  it('tells the agent of the close when the server names them among those involved, never of their own', () => {
    const closed = {
      ...base,
      kind: 'status_changed',
      status: 'closed',
      actor: { id: 3, name: 'Dev Dana' },
      text: 'Status verified → closed',
    };
    expect(customerNotice({ ...closed, data: { from: 'verified', notify: [1, 3] } }, 1)).toMatchObject({
      kind: 'closed',
      event: { reference: 'INC-7' },
    });
    expect(customerNotice({ ...closed, data: { from: 'verified', notify: [3] } }, 1)).toBeNull();
    expect(customerNotice({ ...closed, data: { from: 'verified', notify: [1, 3] } }, 3)).toBeNull();
    expect(customerNotice({ ...closed, data: { from: 'verified', notify: [1, 3] } })).toBeNull();
  });
});
