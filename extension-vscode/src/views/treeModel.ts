import { type IncidentListItem, IncidentSummarySchema, type IncidentView, OPEN_STATUSES, STATUSES, type Status } from '@handoff/shared';

export interface StatusGroup {
  status: Status;
  items: IncidentListItem[];
}

/** Groups incidents by status in the order of the status flow; empty groups are left out. */
export function groupByStatus(items: readonly IncidentListItem[]): StatusGroup[] {
  return STATUSES.map((status) => ({ status, items: items.filter((i) => i.status === status) })).filter((g) => g.items.length > 0);
}

/** Merges lists (e.g. one per team), keeping the newest copy of each reference, newest updated first. */
export function mergeSummaries<T extends IncidentListItem>(...lists: readonly T[][]): T[] {
  const byRef = new Map<string, T>();
  for (const item of lists.flat()) {
    const prev = byRef.get(item.reference);
    if (!prev || prev.updatedAt < item.updatedAt) byRef.set(item.reference, item);
  }
  return [...byRef.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** How many incidents still need work (badge and status bar). */
export function openCount(items: readonly IncidentListItem[]): number {
  return items.filter((i) => OPEN_STATUSES.includes(i.status)).length;
}

/** Most-recently-used list of references: `ref` first, no duplicates, at most `max`. */
export function pushRecent(recent: readonly string[], ref: string, max = 15): string[] {
  return [ref, ...recent.filter((r) => r !== ref)].slice(0, max);
}

/** The list line of an opened incident (for "Recent"): its summary fields, or the outline as it is. */
export function listItemOf(view: IncidentView): IncidentListItem {
  return view.access === 'full' ? IncidentSummarySchema.parse(view) : view;
}
