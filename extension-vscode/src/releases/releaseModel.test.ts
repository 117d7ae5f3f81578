import { describe, expect, it } from 'vitest';
import type { Release } from '@handoff/shared';
import { buildReleaseTree, concernCount, newConcerns, plannedConcerns, RECENT_SHIPPED } from './releaseModel';
import {
  defaultPlannedDate,
  knownIssueProblem,
  MAX_KNOWN_ISSUES,
  parseKnownIssues,
  plannedDateProblem,
  versionProblem,
} from './releaseInput';

const rita = { id: 2, name: 'Rita Reviewer' };
function release(version: string, patch: Partial<Release> = {}): Release {
  return {
    id: 1,
    version,
    plannedDate: '2026-12-01',
    notes: '',
    status: 'planned',
    createdBy: { id: 3, name: 'Dev Dana' },
    createdAt: '2026-11-20T00:00:00Z',
    shippedAt: null,
    items: [
      {
        id: 10,
        kind: 'fix',
        incident: { reference: 'INC-1001', title: 'SSO loops', status: 'fixed', reporter: { id: 1, name: 'Alice' }, affectedCustomers: 2 },
        text: '',
      },
      { id: 11, kind: 'known_issue', incident: null, text: 'Export still slow' },
    ],
    feedback: [],
    ...patch,
  };
}

describe('release tree', () => {
  it('groups upcoming (soonest first) and recently shipped (newest first, bounded)', () => {
    const shipped = Array.from({ length: RECENT_SHIPPED + 2 }, (_, n) =>
      release(`1.${n}`, { status: 'shipped', shippedAt: `2026-10-0${n + 1}T00:00:00Z` }),
    );
    const tree = buildReleaseTree([release('4.4.0', { plannedDate: '2026-12-20' }), ...shipped, release('4.3.0')]);
    expect(tree.map((g) => g.kind === 'group' && [g.group, g.count])).toEqual([
      ['planned', 2],
      ['shipped', RECENT_SHIPPED],
    ]);
    expect(tree[0]!.children.map((r) => r.kind === 'release' && r.release.version)).toEqual(['4.3.0', '4.4.0']);
    expect(tree[1]!.children.map((r) => r.kind === 'release' && r.release.version)[0]).toBe(`1.${RECENT_SHIPPED + 1}`);
  });
  it('puts per-item feedback under its item and overall feedback under the release', () => {
    const r = release('4.3.0', {
      feedback: [
        { id: 1, itemId: 10, reviewer: rita, verdict: 'concern', text: 'Customer on SAML too?', at: '2026-11-21T00:00:00Z' },
        { id: 2, itemId: null, reviewer: rita, verdict: 'ready', text: 'Good to go', at: '2026-11-22T00:00:00Z' },
      ],
    });
    const [group] = buildReleaseTree([r]);
    const rel = group!.children[0]!;
    expect(rel).toMatchObject({ kind: 'release', concerns: 1 });
    expect(rel.children.map((c) => c.kind)).toEqual(['fix', 'knownIssue', 'feedback']);
    expect(rel.children[0]).toMatchObject({ reference: 'INC-1001', status: 'fixed' });
    expect(rel.children[0]!.children).toMatchObject([
      { kind: 'feedback', feedback: { verdict: 'concern', text: 'Customer on SAML too?' } },
    ]);
    expect(rel.children[2]).toMatchObject({ kind: 'feedback', feedback: { verdict: 'ready' } });
    expect(buildReleaseTree([])).toEqual([]);
  });
  it('counts concerns on planned releases only and finds new concerns once', () => {
    const concern = { id: 5, itemId: null, reviewer: rita, verdict: 'concern' as const, text: 'Too risky', at: '2026-11-21T00:00:00Z' };
    const before = [release('4.3.0')];
    const after = [release('4.3.0', { feedback: [concern] }), release('4.2.0', { status: 'shipped', feedback: [{ ...concern, id: 6 }] })];
    expect(concernCount(after[0]!)).toBe(1);
    expect(plannedConcerns(after)).toBe(1);
    expect(newConcerns(before, after).map((c) => [c.release.version, c.feedback.id])).toEqual([
      ['4.3.0', 5],
      ['4.2.0', 6],
    ]);
    expect(newConcerns(after, after)).toEqual([]);
  });
});

describe('release input', () => {
  it('validates versions', () => {
    expect(versionProblem('4.3.0')).toBeNull();
    expect(versionProblem(' 2026.12-rc1 ')).toBeNull();
    expect(versionProblem('  ')).toBe('empty');
    expect(versionProblem('4.3 beta')).toBe('badVersion');
    expect(versionProblem('x'.repeat(60))).toBeNull();
    expect(versionProblem('x'.repeat(61))).toBe('tooLong');
  });
  it('takes the number of known issues and their length from the shared schema', () => {
    expect(MAX_KNOWN_ISSUES).toBe(50);
    expect(knownIssueProblem('k'.repeat(2000))).toBeNull();
    expect(knownIssueProblem('k'.repeat(2001))).toBe('tooLong');
  });
  it('validates planned dates as real calendar days', () => {
    expect(plannedDateProblem('2026-12-01')).toBeNull();
    expect(plannedDateProblem('2028-02-29')).toBeNull();
    expect(plannedDateProblem('2026-02-29')).toBe('noSuchDate');
    expect(plannedDateProblem('2026-13-01')).toBe('noSuchDate');
    expect(plannedDateProblem('1.12.2026')).toBe('badDate');
    expect(plannedDateProblem('')).toBe('empty');
    expect(defaultPlannedDate(new Date('2026-11-23T12:00:00Z'))).toBe('2026-11-30');
  });
  it('reads known issues one per line', () => {
    expect(parseKnownIssues('Export slow\n\n  iOS 17 only \r\n')).toEqual(['Export slow', 'iOS 17 only']);
    expect(parseKnownIssues('')).toEqual([]);
  });
});
