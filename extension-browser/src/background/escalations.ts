import { browser } from 'wxt/browser';
import type { IncidentListItem, IncidentSummary, TimelineEntry } from '@handoff/shared';
import type { Api } from '../api/client';
import { incidentByRef, myEscalations, whoami } from '../api/incidents';
import { type SlaNotice, syncSlaNotices } from './slaNotices';
import type { Translate } from '../i18n/translate';
import { notifyCloseOnce } from '../ui/customerComments';

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

/** The agent's incidents that closed since the last sync (who closed each is looked up: see `closeNotices`). */
export function newlyClosed(before: Record<string, string>, now: IncidentListItem[]): IncidentSummary[] {
  return now.filter(
    (i): i is IncidentSummary =>
      i.access === 'full' && before[i.reference] !== undefined && before[i.reference] !== 'closed' && i.status === 'closed',
  );
}

/** An incident of mine closed by someone else: the close entry (its id is the notification's, as in the panel). */
export interface CloseNotice {
  item: IncidentSummary;
  entry: TimelineEntry;
}

/**
 * The close entries of `closed` made by someone other than `meId` — what the open panel tells live
 * (its `customerNotice`), found from the timeline when no panel was open.
 */
export async function closeNotices(api: Api, closed: IncidentSummary[], meId: () => Promise<number>): Promise<CloseNotice[]> {
  const notices: CloseNotice[] = [];
  for (const item of closed) {
    const view = await incidentByRef(api, item.reference);
    if (view.access !== 'full') continue;
    const entry = view.timeline.findLast((e) => e.kind === 'status_changed' && e.data.to === 'closed');
    if (entry && entry.actor.id !== (await meId())) notices.push({ item, entry });
  }
  return notices;
}

/** The notification of a close, in the agent's language: who closed which incident, and the close entry's text. */
export async function notifyClosedOnce(c: CloseNotice, t: Translate): Promise<void> {
  await notifyCloseOnce(c.entry.id, t('incidentClosedBy', c.item.reference, c.entry.actor.name), c.entry.text);
}

/**
 * Periodic sync while no panel holds a live connection (an MV3 service worker has no EventSource):
 * fetch the agent's incidents, notify when a developer asked a question or marked one fixed, when
 * someone else closed one, and when the promise on one reaches its warning share or is breached.
 */
export async function syncEscalations(
  api: Api,
  notify: (i: IncidentSummary) => Promise<void>,
  notifySla: (n: SlaNotice) => Promise<void> = async () => undefined,
  notifyClosed: (n: CloseNotice) => Promise<void> = async () => undefined,
): Promise<number> {
  const items = await myEscalations(api, 100);
  await syncSlaNotices(items, notifySla);
  const before = ((await browser.storage.local.get(SEEN))[SEEN] ?? {}) as Record<string, string>;
  const changed = notableChanges(before, items);
  for (const i of changed) await notify(i);
  // Who I am is asked only when something closed (most syncs see no close).
  let me: Promise<number> | undefined;
  const meId = () => (me ??= whoami(api).then((m) => m.id));
  const closes = await closeNotices(api, newlyClosed(before, items), meId);
  for (const c of closes) await notifyClosed(c);
  await browser.storage.local.set({ [SEEN]: Object.fromEntries(items.map((i) => [i.reference, i.status])) });
  return changed.length + closes.length;
}
