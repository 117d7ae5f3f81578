import type { Api } from '../api/client';
import { enqueue, flushQueue, removeFromQueue, type NewItem } from './queue';
import { senderFor } from './sender';

export type SubmitResult =
  | { kind: 'created'; reference: string }
  | { kind: 'linked'; reference: string; affectedCustomers: number | undefined }
  | { kind: 'queued'; error: string | undefined }
  | { kind: 'rejected'; error: string };

/**
 * Submits through the queue: stored first (nothing is lost if the panel closes mid-send), then sent at once.
 * A rejection the agent must fix goes back to the form instead of waiting in the queue.
 */
export async function submitNow(api: Api, item: NewItem): Promise<SubmitResult> {
  await enqueue(item);
  const r = await flushQueue(senderFor(api));
  const sent = r.sent.find((s) => s.key === item.key);
  if (sent) {
    return sent.kind === 'create'
      ? { kind: 'created', reference: sent.reference }
      : { kind: 'linked', reference: sent.reference, affectedCustomers: sent.affectedCustomers };
  }
  const failed = r.failed.find((f) => f.key === item.key);
  if (failed) {
    await removeFromQueue(item.key);
    return { kind: 'rejected', error: failed.lastError ?? '' };
  }
  return { kind: 'queued', error: r.retrying.find((f) => f.key === item.key)?.lastError };
}
