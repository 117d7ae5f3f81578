import type { Release, ReleaseFeedback, Verdict } from '@handoff/shared';

/** Feedback on one item (or, with `null`, on the release as a whole), newest first. */
export function feedbackOn(release: Pick<Release, 'feedback'>, itemId: number | null): ReleaseFeedback[] {
  return release.feedback.filter((f) => f.itemId === itemId).sort((a, b) => b.id - a.id);
}

/** The input for `releases.feedback`, or the i18n key of what is missing (a concern needs text). */
export function feedbackInput(
  version: string,
  itemId: number | null,
  verdict: Verdict,
  text: string,
): { version: string; itemId?: number; verdict: Verdict; text: string } | { missing: string } {
  const t = text.trim();
  if (verdict === 'concern' && !t) return { missing: 'concernNeedsText' };
  return itemId === null ? { version, verdict, text: t } : { version, itemId, verdict, text: t };
}

/** Counts of the latest verdict per reviewer and item, for a one-line summary. */
export function verdictCounts(release: Pick<Release, 'feedback'>): { ready: number; concern: number } {
  const latest = new Map<string, Verdict>();
  for (const f of [...release.feedback].sort((a, b) => a.id - b.id)) latest.set(`${f.reviewer.id}:${f.itemId ?? 'all'}`, f.verdict);
  let ready = 0;
  let concern = 0;
  for (const v of latest.values()) v === 'ready' ? ready++ : concern++;
  return { ready, concern };
}

/** Planned releases, soonest first. */
export function upcoming(releases: Release[]): Release[] {
  return releases
    .filter((r) => r.status === 'planned')
    .sort((a, b) => a.plannedDate.localeCompare(b.plannedDate) || a.version.localeCompare(b.version));
}
