import { applyIncidentChange, type Incident, type IncidentChange, type IncidentSummary, type TimelineEntry } from '@handoff/shared';
import { describe, expect, it } from 'vitest';
import { keepEarlier, withEarlier } from './timelinePages';

const dana = { id: 3, name: 'Dev Dana' };
const entry = (id: number): TimelineEntry => ({
  id,
  at: `2026-11-30T08:00:${String(id % 60).padStart(2, '0')}Z`,
  actor: dana,
  kind: 'comment',
  text: `c${id}`,
  data: {},
  visibility: 'internal',
});
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => entry(from + i));
const summary: IncidentSummary = {
  access: 'full',
  reference: 'INC-7',
  title: 'Checkout crashes',
  category: 'crash',
  product: 'Shop',
  version: '',
  component: null,
  severity: 'medium',
  status: 'needs_info',
  team: 'platform',
  owner: dana,
  reporter: { id: 1, name: 'Alice Agent' },
  workaround: null,
  affectedCustomers: 1,
  duplicateOf: null,
  fixedInVersion: null,
  createdAt: '2026-11-30T08:00:00.000Z',
  updatedAt: '2026-11-30T08:00:00.000Z',
};
const incident = (timeline: TimelineEntry[], earlierTimeline: boolean, updatedAt = summary.updatedAt): Incident => ({
  ...summary,
  updatedAt,
  description: '',
  answers: {},
  templateVersion: null,
  environment: {},
  customer: { name: 'Abel Tuter' },
  crm: { system: 'servicenow' },
  steps: [],
  reproducedByAgent: false,
  attachments: [],
  participants: [],
  timeline,
  earlierTimeline,
});
const ids = (i: { timeline: TimelineEntry[] }) => i.timeline.map((e) => e.id);

describe('timeline pages', () => {
  it('puts an older page in front and takes over whether there are more', () => {
    const paged = withEarlier(incident(range(101, 200), true), { entries: range(1, 100), earlier: false });
    expect(ids(paged)).toEqual(range(1, 200).map((e) => e.id));
    expect(paged.earlierTimeline).toBe(false);
  });

  it('keeps the paged-in history when a live change re-reads the latest page', () => {
    const before = incident(range(1, 200), false);
    const fresh = incident(range(102, 201), true, '2026-11-30T09:00:00.000Z');
    const kept = keepEarlier(before, fresh);
    expect(ids(kept as Incident)).toEqual(range(1, 201).map((e) => e.id));
    expect((kept as Incident).earlierTimeline).toBe(false);
    expect(kept.updatedAt).toBe('2026-11-30T09:00:00.000Z');
  });

  it('drops paged history that no longer meets the fresh page (a gap would show as a whole history)', () => {
    const before = incident(range(1, 150), false);
    const fresh = incident(range(251, 350), true);
    expect(keepEarlier(before, fresh)).toBe(fresh);
    expect(keepEarlier(null, fresh)).toBe(fresh);
  });

  it('merges a change the panel made once, however often it is applied', () => {
    const change: IncidentChange = {
      reference: 'INC-7',
      title: 'Checkout crashes',
      status: 'in_progress',
      team: 'platform',
      owner: dana,
      affectedCustomers: 1,
      duplicateOf: null,
      fixedInVersion: null,
      updatedAt: '2026-11-30T10:00:00.000Z',
      participants: [],
      entries: [entry(300)],
    };
    const merged = applyIncidentChange(applyIncidentChange(incident(range(1, 3), false), change), change);
    expect(ids(merged)).toEqual([1, 2, 3, 300]);
    expect([merged.status, merged.updatedAt]).toEqual(['in_progress', '2026-11-30T10:00:00.000Z']);
  });
});
