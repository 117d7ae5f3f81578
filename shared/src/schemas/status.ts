import { z } from 'zod';

export const STATUSES = [
  'new',
  'triaged',
  'in_progress',
  'needs_info',
  'fixed',
  'verified',
  'closed',
  'not_reproducible',
  'duplicate',
  'wont_fix',
] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

/** Statuses in which an incident still needs work from someone. */
export const OPEN_STATUSES: readonly Status[] = ['new', 'triaged', 'in_progress', 'needs_info', 'fixed'];

/**
 * Allowed moves. `fixed → closed` is deliberately absent: L1 verifies the fix with the customer
 * first, or records why the customer could not be reached (see {@link checkTransition}).
 */
export const TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  new: ['triaged', 'in_progress', 'needs_info', 'duplicate', 'wont_fix'],
  triaged: ['in_progress', 'needs_info', 'not_reproducible', 'duplicate', 'wont_fix'],
  in_progress: ['triaged', 'needs_info', 'fixed', 'not_reproducible', 'duplicate', 'wont_fix'],
  needs_info: ['in_progress', 'triaged', 'not_reproducible', 'duplicate', 'wont_fix'],
  fixed: ['verified', 'in_progress'],
  verified: ['closed', 'in_progress'],
  closed: ['in_progress'],
  not_reproducible: ['triaged', 'in_progress', 'closed'],
  duplicate: ['triaged', 'closed'],
  wont_fix: ['triaged', 'closed'],
};

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether an incident may move from `from` to `to`. `fixed → closed` is allowed only with an
 * `unverifiedReason` (why the customer could not confirm the fix); every other move follows
 * {@link TRANSITIONS}. The reason says what is allowed instead.
 */
export function checkTransition(from: Status, to: Status, opts: { unverifiedReason?: string } = {}): TransitionCheck {
  if (from === to) return { ok: false, reason: `The incident is already ${from}.` };
  if (from === 'fixed' && to === 'closed') {
    if (opts.unverifiedReason?.trim()) return { ok: true };
    return {
      ok: false,
      reason:
        'A fixed incident is closed only after the customer verified the fix: move it to verified first, ' +
        'or give unverifiedReason (why the customer could not be reached).',
    };
  }
  if (TRANSITIONS[from].includes(to)) return { ok: true };
  const allowed = TRANSITIONS[from];
  return {
    ok: false,
    reason: `Cannot move from ${from} to ${to}; from ${from} the allowed statuses are: ${allowed.join(', ')}.`,
  };
}

/** Statuses reachable from `from` in one move (what a UI should offer). */
export function nextStatuses(from: Status): readonly Status[] {
  return TRANSITIONS[from];
}
