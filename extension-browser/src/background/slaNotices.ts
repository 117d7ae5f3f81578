import { browser } from 'wxt/browser';
import { type IncidentListItem, type IncidentSummary, type SlaTargetKind, urgencyOf } from '@handoff/shared';

const SEEN = 'slaSeen';
const RANK = { ok: 0, warning: 1, breached: 2 } as const;
type Level = keyof typeof RANK;

export interface SlaNotice {
  item: IncidentSummary;
  level: 'warning' | 'breached';
  target: SlaTargetKind;
}

/**
 * The agent's incidents whose promise became more urgent since the last sync (reached the warning
 * share, or breached): each notifies once per level. Incidents not seen before do not notify (a
 * first sync is not a burst of old news).
 */
export function slaChanges(before: Record<string, string>, now: readonly IncidentListItem[], at: number): SlaNotice[] {
  const out: SlaNotice[] = [];
  for (const i of now) {
    if (i.access !== 'full') continue;
    const u = urgencyOf(i.sla, at);
    const prev = before[i.reference] as Level | undefined;
    if (!u || prev === undefined || u.level === 'ok' || RANK[u.level] <= RANK[prev]) continue;
    out.push({ item: i, level: u.level, target: u.target.kind });
  }
  return out;
}

/** Notifies warnings and breaches of the agent's incidents and remembers each one's level. */
export async function syncSlaNotices(
  items: readonly IncidentListItem[],
  notify: (n: SlaNotice) => Promise<void>,
  at = Date.now(),
): Promise<number> {
  const before = ((await browser.storage.local.get(SEEN))[SEEN] ?? {}) as Record<string, string>;
  const changes = slaChanges(before, items, at);
  for (const c of changes) await notify(c);
  const levels = Object.fromEntries(
    items.flatMap((i) => (i.access === 'full' ? [[i.reference, urgencyOf(i.sla, at)?.level ?? 'ok']] : [])),
  );
  await browser.storage.local.set({ [SEEN]: levels });
  return changes.length;
}
