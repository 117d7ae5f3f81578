import type { Release, ReleaseFeedback } from '@handoff/shared';

/** One row of the Releases view, built from server data without any `vscode` API (unit-tested). */
export type ReleaseRow =
  | { kind: 'group'; id: string; group: 'planned' | 'shipped'; count: number; children: ReleaseRow[] }
  | { kind: 'release'; id: string; release: Release; concerns: number; children: ReleaseRow[] }
  | { kind: 'fix'; id: string; reference: string; title: string; status: string; children: ReleaseRow[] }
  | { kind: 'knownIssue'; id: string; text: string; children: ReleaseRow[] }
  | { kind: 'feedback'; id: string; feedback: ReleaseFeedback; children: ReleaseRow[] };

/** How many releases shipped most recently the view keeps showing. */
export const RECENT_SHIPPED = 5;

/** Open concerns on a release (per item and overall). */
export function concernCount(release: Release): number {
  return release.feedback.filter((f) => f.verdict === 'concern').length;
}

function feedbackRows(release: Release, itemId: number | null): ReleaseRow[] {
  return release.feedback
    .filter((f) => f.itemId === itemId)
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((feedback) => ({ kind: 'feedback' as const, id: `${release.version}/feedback/${feedback.id}`, feedback, children: [] }));
}

/**
 * An item's tree id changes with its amount of feedback: VS Code keeps the collapsed state of an
 * id it knows, so a leaf that gains feedback would stay folded; a new id opens it, and new feedback
 * shows without a click.
 */
function itemId(release: Release, id: number): string {
  const n = release.feedback.filter((f) => f.itemId === id).length;
  return `${release.version}/item/${id}${n ? `/feedback-${n}` : ''}`;
}

/** A release's children: fix items (each with its feedback), known issues, then overall feedback. */
export function releaseChildren(release: Release): ReleaseRow[] {
  const fixes = release.items
    .filter((i) => i.kind === 'fix' && i.incident)
    .map(
      (i): ReleaseRow => ({
        kind: 'fix',
        id: itemId(release, i.id),
        reference: i.incident!.reference,
        title: i.incident!.title,
        status: i.incident!.status,
        children: feedbackRows(release, i.id),
      }),
    );
  const known = release.items
    .filter((i) => i.kind === 'known_issue')
    .map((i): ReleaseRow => ({ kind: 'knownIssue', id: itemId(release, i.id), text: i.text, children: feedbackRows(release, i.id) }));
  return [...fixes, ...known, ...feedbackRows(release, null)];
}

/**
 * The whole view: "Upcoming" (planned, soonest planned date first) and "Recently shipped" (newest
 * first, at most RECENT_SHIPPED). Empty groups are left out.
 */
export function buildReleaseTree(releases: readonly Release[]): ReleaseRow[] {
  const row = (release: Release): ReleaseRow => ({
    kind: 'release',
    id: `release/${release.version}`,
    release,
    concerns: concernCount(release),
    children: releaseChildren(release),
  });
  const planned = releases
    .filter((r) => r.status === 'planned')
    .sort((a, b) => a.plannedDate.localeCompare(b.plannedDate) || a.version.localeCompare(b.version))
    .map(row);
  const shipped = releases
    .filter((r) => r.status === 'shipped')
    .sort((a, b) => (b.shippedAt ?? '').localeCompare(a.shippedAt ?? ''))
    .slice(0, RECENT_SHIPPED)
    .map(row);
  const groups: ReleaseRow[] = [];
  if (planned.length) groups.push({ kind: 'group', id: 'group/planned', group: 'planned', count: planned.length, children: planned });
  if (shipped.length) groups.push({ kind: 'group', id: 'group/shipped', group: 'shipped', count: shipped.length, children: shipped });
  return groups;
}

/** Concerns on planned releases in total (the view's badge). */
export function plannedConcerns(releases: readonly Release[]): number {
  return releases.filter((r) => r.status === 'planned').reduce((n, r) => n + concernCount(r), 0);
}

/** Feedback ids that are new in `next` compared with `prev` (to notify about concerns once). */
export function newConcerns(prev: readonly Release[], next: readonly Release[]): { release: Release; feedback: ReleaseFeedback }[] {
  const seen = new Set(prev.flatMap((r) => r.feedback.map((f) => `${r.version}/${f.id}`)));
  return next.flatMap((release) =>
    release.feedback
      .filter((f) => f.verdict === 'concern' && !seen.has(`${release.version}/${f.id}`))
      .map((feedback) => ({ release, feedback })),
  );
}
