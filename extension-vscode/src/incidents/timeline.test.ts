import { describe, expect, it } from 'vitest';
import type { IncidentView } from '@handoff/shared';
import { entry, incident, outline } from '../test/fixtures';
import { holdsEvent, keepEarlierEntries, withEarlierPage } from './timeline';

const ids = (v: IncidentView) => (v.access === 'full' ? v.timeline.map((e) => e.id) : []);
/** Entries held, the first and last id, and whether older ones remain. */
const shape = (v: IncidentView) => [ids(v).length, ids(v)[0], ids(v).at(-1), v.access === 'full' && v.earlierTimeline];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, n) => entry(from + n));

describe('timeline paging', () => {
  it('puts an earlier page in front and takes over whether older entries remain', () => {
    const latest = incident({ timeline: range(101, 200), earlierTimeline: true });
    const more = withEarlierPage(latest, { entries: range(1, 100), earlier: false });
    expect(shape(more)).toEqual([200, 1, 200, false]);
  });
  it('ignores entries of a page that the incident holds already', () => {
    const latest = incident({ timeline: range(5, 8), earlierTimeline: true });
    expect(ids(withEarlierPage(latest, { entries: range(3, 6), earlier: true }))).toEqual([3, 4, 5, 6, 7, 8]);
  });
  it('keeps the loaded older entries when the incident is read again', () => {
    const shown = incident({ timeline: range(1, 200), earlierTimeline: false });
    const reread = incident({ timeline: range(102, 201), earlierTimeline: true });
    const kept = keepEarlierEntries(shown, reread);
    expect(shape(kept)).toEqual([201, 1, 201, false]);
  });
  it('drops them when a gap would open (more than a page of news since), or for another view', () => {
    const shown = incident({ timeline: range(1, 150), earlierTimeline: false });
    const reread = incident({ timeline: range(300, 399), earlierTimeline: true });
    expect(keepEarlierEntries(shown, reread)).toBe(reread);
    expect(keepEarlierEntries(outline(), reread)).toBe(reread);
    expect(keepEarlierEntries(shown, outline())).toEqual(outline());
    expect(keepEarlierEntries(null, reread)).toBe(reread);
  });
  it('knows the entry a live event reports (id, kind and time), so its own change needs no re-read', () => {
    const shown = incident({ timeline: [entry(41, { kind: 'comment' })] });
    const at = shown.timeline[0]!.at;
    expect(holdsEvent(shown, { id: '41', kind: 'comment', at })).toBe(true);
    expect(holdsEvent(shown, { id: '42', kind: 'comment', at })).toBe(false);
    expect(holdsEvent(shown, { id: '41', kind: 'assigned', at })).toBe(false);
    expect(holdsEvent(outline(), { id: '41', kind: 'comment', at })).toBe(false);
  });
});
