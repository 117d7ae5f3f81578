import { describe, expect, it } from 'vitest';
import type { Release } from '@handoff/shared';
import { feedbackInput, feedbackOn, upcoming, verdictCounts } from './review';

const rita = { id: 2, name: 'Rita Reviewer' };
const lee = { id: 4, name: 'Lee Lead' };
const fb = (id: number, itemId: number | null, verdict: 'ready' | 'concern', reviewer = rita) => ({
  id,
  itemId,
  reviewer,
  verdict,
  text: '',
  at: '2026-11-23T10:00:00Z',
});
const release = (
  version: string,
  plannedDate: string,
  status: 'planned' | 'shipped' = 'planned',
  feedback: Release['feedback'] = [],
): Release => ({
  id: 1,
  version,
  plannedDate,
  notes: '',
  status,
  createdBy: lee,
  createdAt: '',
  shippedAt: null,
  items: [],
  feedback,
});

describe('release review', () => {
  it('a concern needs text; overall feedback has no item', () => {
    expect(feedbackInput('4.3.0', 7, 'concern', ' ')).toEqual({ missing: 'concernNeedsText' });
    expect(feedbackInput('4.3.0', 7, 'concern', ' Breaks SSO ')).toEqual({
      version: '4.3.0',
      itemId: 7,
      verdict: 'concern',
      text: 'Breaks SSO',
    });
    expect(feedbackInput('4.3.0', null, 'ready', '')).toEqual({ version: '4.3.0', verdict: 'ready', text: '' });
  });
  it('groups feedback per item, newest first, and counts the latest verdict per reviewer', () => {
    const r = release('4.3.0', '2026-12-01', 'planned', [
      fb(1, 7, 'concern'),
      fb(2, null, 'ready'),
      fb(3, 7, 'ready'),
      fb(4, 7, 'concern', lee),
    ]);
    expect(feedbackOn(r, 7).map((f) => f.id)).toEqual([4, 3, 1]);
    expect(feedbackOn(r, null).map((f) => f.id)).toEqual([2]);
    expect(verdictCounts(r)).toEqual({ ready: 2, concern: 1 });
  });
  it('upcoming: planned only, soonest first', () => {
    expect(
      upcoming([release('5.0', '2027-01-10'), release('4.2', '2026-11-01', 'shipped'), release('4.3', '2026-12-01')]).map((r) => r.version),
    ).toEqual(['4.3', '5.0']);
  });
});
