import { describe, expect, it } from 'vitest';
import { STATUSES, type Status, TRANSITIONS, checkTransition, nextStatuses } from './status.js';

// The whole table, written out independently of TRANSITIONS: every pair is checked.
const ALLOWED = new Set<string>([
  'new>triaged',
  'new>in_progress',
  'new>needs_info',
  'new>duplicate',
  'new>wont_fix',
  'triaged>in_progress',
  'triaged>needs_info',
  'triaged>not_reproducible',
  'triaged>duplicate',
  'triaged>wont_fix',
  'in_progress>triaged',
  'in_progress>needs_info',
  'in_progress>fixed',
  'in_progress>not_reproducible',
  'in_progress>duplicate',
  'in_progress>wont_fix',
  'needs_info>in_progress',
  'needs_info>triaged',
  'needs_info>not_reproducible',
  'needs_info>duplicate',
  'needs_info>wont_fix',
  'fixed>verified',
  'fixed>in_progress',
  'verified>closed',
  'verified>in_progress',
  'closed>in_progress',
  'not_reproducible>triaged',
  'not_reproducible>in_progress',
  'not_reproducible>closed',
  'duplicate>triaged',
  'duplicate>closed',
  'wont_fix>triaged',
  'wont_fix>closed',
]);

describe('status machine', () => {
  const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as [Status, Status]));

  it.each(pairs)('%s → %s', (from, to) => {
    const result = checkTransition(from, to);
    expect(result.ok).toBe(ALLOWED.has(`${from}>${to}`));
    if (!result.ok) expect(result.reason).toMatch(from === to ? /already/ : new RegExp(to));
  });

  it('never allows fixed → closed without a reason the customer could not verify', () => {
    const refused = checkTransition('fixed', 'closed');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reason).toMatch(/verif/);
    expect(checkTransition('fixed', 'closed', { unverifiedReason: '   ' }).ok).toBe(false);
    expect(checkTransition('fixed', 'closed', { unverifiedReason: 'Customer unreachable for 3 weeks' }).ok).toBe(true);
  });

  it('the happy path from new to closed goes through verification', () => {
    const path: Status[] = ['new', 'triaged', 'in_progress', 'needs_info', 'in_progress', 'fixed', 'verified', 'closed'];
    for (let i = 1; i < path.length; i++) expect(checkTransition(path[i - 1]!, path[i]!).ok).toBe(true);
  });

  it('offers exactly the table entries as next statuses, and every status has a way on', () => {
    for (const s of STATUSES) {
      expect(nextStatuses(s)).toBe(TRANSITIONS[s]);
      expect(nextStatuses(s).length).toBeGreaterThan(0);
    }
  });
});
