import { browser } from 'wxt/browser';
import { type FullIncidentEvent, IncidentEventSchema } from '@handoff/shared';

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
