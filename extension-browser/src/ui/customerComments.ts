import { browser } from 'wxt/browser';
import { type FullIncidentEvent, IncidentEventSchema } from '@handoff/shared';
import { z } from 'zod';

/** A live event that is a customer's comment on their page, or null (checked against the shared schema). */
export function customerComment(data: unknown): FullIncidentEvent | null {
  const parsed = IncidentEventSchema.safeParse(data);
  if (!parsed.success || parsed.data.access !== 'full' || parsed.data.kind !== 'customer_comment') return null;
  return parsed.data;
}

/** A desktop notification for a customer's comment; the panel shows the comment in the escalation's timeline. */
export async function notifyCustomerComment(event: FullIncidentEvent, title: string): Promise<void> {
  await browser.notifications.create(`customer-${event.id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message: event.text.slice(0, 200),
  });
}

const CLOSES_SHOWN = 'closeNoticesShown';
const ShownSchema = z.array(z.string()).catch([]);

/**
 * Notifies of a close (timeline entry `entryId`; a live event's id is the same number as text)
 * once: the open panel tells it live, the background sync when the panel was shut — whichever
 * saw it first; the other stays quiet.
 */
export async function notifyCloseOnce(entryId: number | string, title: string, message: string): Promise<boolean> {
  const id = String(entryId);
  const shown = ShownSchema.parse((await browser.storage.local.get(CLOSES_SHOWN))[CLOSES_SHOWN]);
  if (shown.includes(id)) return false;
  await browser.storage.local.set({ [CLOSES_SHOWN]: [...shown, id].slice(-200) });
  await browser.notifications.create(`customer-${id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message: message.slice(0, 200),
  });
  return true;
}

/**
 * What the agent hears of at once: the customer's comment, their closing evaluation (with its
 * rating), or the incident closed by someone else when the server names the agent among those
 * involved (reporter, owner, commenters).
 */
export type CustomerNotice = { kind: 'comment' | 'evaluation' | 'closed'; event: FullIncidentEvent; rating: number | null };

/** A live event the agent (`meId`) is told of, checked against the shared schema. */
export function customerNotice(data: unknown, meId?: number): CustomerNotice | null {
  const parsed = IncidentEventSchema.safeParse(data);
  if (!parsed.success || parsed.data.access !== 'full') return null;
  const e = parsed.data;
  if (e.kind === 'status_changed' && e.status === 'closed') {
    const notify = e.data.notify;
    const told = meId !== undefined && e.actor.id !== meId && Array.isArray(notify) && notify.includes(meId);
    return told ? { kind: 'closed', event: e, rating: null } : null;
  }
  if (e.kind === 'customer_comment') return { kind: 'comment', event: e, rating: null };
  if (e.kind === 'evaluation' && typeof e.data.rating === 'number') return { kind: 'evaluation', event: e, rating: e.data.rating };
  return null;
}
