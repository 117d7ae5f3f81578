import { describe, expect, it } from 'vitest';
import type { IncidentSummary } from '@handoff/shared';
import { incident, outline } from '../test/fixtures';
import { groupByStatus, listItemOf, mergeSummaries, openCount, pushRecent } from './treeModel';

function summary(reference: string, status: IncidentSummary['status'], updatedAt = '2026-11-01T00:00:00Z'): IncidentSummary {
  return {
    access: 'full',
    reference,
    title: `t ${reference}`,
    category: 'login',
    product: 'Acme',
    version: '1',
    component: null,
    severity: 'high',
    status,
    team: 'accounts',
    owner: null,
    reporter: { id: 1, name: 'Alice' },
    workaround: null,
    affectedCustomers: 1,
    duplicateOf: null,
    fixedInVersion: null,
    createdAt: updatedAt,
    updatedAt,
  };
}

describe('tree model', () => {
  it('groups by status in flow order, leaving out empty groups', () => {
    const groups = groupByStatus([summary('INC-1', 'needs_info'), summary('INC-2', 'new'), summary('INC-3', 'needs_info')]);
    expect(groups.map((g) => [g.status, g.items.map((i) => i.reference)])).toEqual([
      ['new', ['INC-2']],
      ['needs_info', ['INC-1', 'INC-3']],
    ]);
  });
  it('merges team lists without duplicates, newest first, keeping the newest copy', () => {
    const merged = mergeSummaries(
      [summary('INC-1', 'new', '2026-11-01T00:00:00Z'), summary('INC-2', 'new', '2026-11-03T00:00:00Z')],
      [summary('INC-1', 'in_progress', '2026-11-04T00:00:00Z')],
    );
    expect(merged.map((i) => [i.reference, i.status])).toEqual([
      ['INC-1', 'in_progress'],
      ['INC-2', 'new'],
    ]);
  });
  it('counts open incidents only', () => {
    expect(openCount([summary('INC-1', 'new'), summary('INC-2', 'closed'), summary('INC-3', 'fixed')])).toBe(2);
  });
  it('takes outlines of other teams’ incidents alongside full lines', () => {
    const items = [summary('INC-1', 'new', '2026-11-01T00:00:00Z'), outline({ reference: 'INC-8', status: 'new' })];
    expect(groupByStatus(items).map((g) => [g.status, g.items.map((i) => [i.reference, i.access])])).toEqual([
      [
        'new',
        [
          ['INC-1', 'full'],
          ['INC-8', 'summary'],
        ],
      ],
    ]);
    expect(mergeSummaries(items).map((i) => i.reference)).toEqual(['INC-8', 'INC-1']);
  });
  it('makes the list line of an opened incident: its summary fields, or the outline itself', () => {
    const line = listItemOf(incident({ timeline: [], description: 'long text' }));
    expect(Object.keys(line).sort()).toEqual(Object.keys(summary('INC-7', 'new')).sort());
    expect(line).toMatchObject({ access: 'full', reference: 'INC-7', title: 'SSO login loops', severity: 'high' });
    expect(listItemOf(outline())).toEqual(outline());
  });
  it('keeps a bounded most-recently-used list', () => {
    expect(pushRecent(['INC-1', 'INC-2', 'INC-3'], 'INC-2', 3)).toEqual(['INC-2', 'INC-1', 'INC-3']);
    expect(pushRecent(['INC-1', 'INC-2', 'INC-3'], 'INC-4', 3)).toEqual(['INC-4', 'INC-1', 'INC-2']);
  });
});
