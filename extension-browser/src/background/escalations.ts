import { browser } from 'wxt/browser';
import type { IncidentListItem, IncidentSummary } from '@handoff/shared';
import type { Api } from '../api/client';
import { myEscalations } from '../api/incidents';
import { type SlaNotice, syncSlaNotices } from './slaNotices';

const SEEN = 'escalationsSeen';

/**
 * What changed in the agent's incidents since the last sync that deserves a notification. Only incidents the
 * agent sees in full notify: an outline of another team's incident is nothing the agent has to act on.
 */
export function notableChanges(before: Record<string, string>, now: IncidentListItem[]): IncidentSummary[] {
  return now.filter(
    (i): i is IncidentSummary =>
      i.access === 'full' &&
      before[i.reference] !== undefined &&
      before[i.reference] !== i.status &&
      (i.status === 'needs_info' || i.status === 'fixed'),
  );
}

/**
 * Periodic sync while no panel holds a live connection (an MV3 service worker has no EventSource):
 * fetch the agent's incidents, notify when a developer asked a question or marked one fixed, and when the
 * promise on one reaches its warning share or is breached.
 */
export async function syncEscalations(
  api: Api,
  notify: (i: IncidentSummary) => Promise<void>,
  notifySla: (n: SlaNotice) => Promise<void> = async () => undefined,
): Promise<number> {
  const items = await myEscalations(api, 100);
  await syncSlaNotices(items, notifySla);
  const before = ((await browser.storage.local.get(SEEN))[SEEN] ?? {}) as Record<string, string>;
  const changed = notableChanges(before, items);
  for (const i of changed) await notify(i);
  await browser.storage.local.set({ [SEEN]: Object.fromEntries(items.map((i) => [i.reference, i.status])) });
  return changed.length;
}
