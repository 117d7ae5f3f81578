import { OPEN_STATUSES, STATUSES, type IncidentSummary, type Status } from '@handoff/shared';

export interface StatusGroup {
  status: Status;
  items: IncidentSummary[];
}

/** Groups incidents by status in the order of the status flow; empty groups are left out. */
export function groupByStatus(items: readonly IncidentSummary[]): StatusGroup[] {
  return STATUSES.map((status) => ({ status, items: items.filter((i) => i.status === status) })).filter((g) => g.items.length > 0);
}

/** Merges lists (e.g. one per team), keeping the newest copy of each reference, newest updated first. */
export function mergeSummaries(...lists: readonly IncidentSummary[][]): IncidentSummary[] {
  const byRef = new Map<string, IncidentSummary>();
  for (const item of lists.flat()) {
    const prev = byRef.get(item.reference);
    if (!prev || prev.updatedAt < item.updatedAt) byRef.set(item.reference, item);
  }
  return [...byRef.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** How many incidents still need work (badge and status bar). */
export function openCount(items: readonly IncidentSummary[]): number {
  return items.filter((i) => OPEN_STATUSES.includes(i.status)).length;
}

/** Most-recently-used list of references: `ref` first, no duplicates, at most `max`. */
export function pushRecent(recent: readonly string[], ref: string, max = 15): string[] {
  return [ref, ...recent.filter((r) => r !== ref)].slice(0, max);
}
