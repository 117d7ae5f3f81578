import { browser } from 'wxt/browser';
import { z } from 'zod';
import { retryDelayMs } from './backoff';
import { withLock } from './lock';

/**
 * Captures waiting for the server. Submitting always goes through here (stored first, then sent), so a
 * capture survives a closed panel, a stopped service worker or an offline server. Each item carries its
 * idempotency key; the server turns a repeated send into the first result, so a capture lands exactly once.
 */
export const QueueItemSchema = z.object({
  key: z.uuid(),
  kind: z.enum(['create', 'link']),
  label: z.string(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.number(),
  attempts: z.number().int(),
  nextAttemptAt: z.number(),
  state: z.enum(['pending', 'failed']),
  lastError: z.string().optional(),
  draftKey: z.string().optional(),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

export const SentItemSchema = z.object({
  key: z.string(),
  kind: z.enum(['create', 'link']),
  label: z.string(),
  reference: z.string(),
  /** For a customer added to an incident: how many customers it counts now. */
  affectedCustomers: z.number().int().optional(),
  at: z.number(),
});
export type SentItem = z.infer<typeof SentItemSchema>;

const QUEUE = 'queue';
const SENT = 'sent';

async function read(): Promise<{ queue: QueueItem[]; sent: SentItem[] }> {
  const got = await browser.storage.local.get([QUEUE, SENT]);
  const queue = z
    .array(z.unknown())
    .catch([])
    .parse(got[QUEUE] ?? [])
    .flatMap((i) => {
      const p = QueueItemSchema.safeParse(i);
      return p.success ? [p.data] : [];
    });
  const sent = z
    .array(SentItemSchema)
    .catch([])
    .parse(got[SENT] ?? []);
  return { queue, sent };
}

export async function readQueue() {
  return read();
}

export type NewItem = Pick<QueueItem, 'key' | 'kind' | 'label' | 'payload'> & { draftKey?: string };

/** Stores a capture to send (a second enqueue of the same key is ignored). */
export async function enqueue(item: NewItem, now = Date.now()): Promise<void> {
  await withLock(async () => {
    const { queue } = await read();
    if (queue.some((q) => q.key === item.key)) return;
    queue.push({ ...item, createdAt: now, attempts: 0, nextAttemptAt: now, state: 'pending' });
    await browser.storage.local.set({ [QUEUE]: queue });
  });
}

export type SendOutcome = { ok: true; reference: string; affectedCustomers?: number } | { ok: false; permanent: boolean; error: string };
export type Sender = (item: QueueItem) => Promise<SendOutcome>;
export interface FlushResult {
  sent: SentItem[];
  failed: QueueItem[];
  retrying: QueueItem[];
}

/**
 * Sends every due item once, one at a time, under a lock shared by the panel and the background.
 * A permanent failure marks that item failed and moves on; it never blocks the others.
 */
export async function flushQueue(send: Sender, opts: { now?: () => number; force?: boolean } = {}): Promise<FlushResult> {
  const now = opts.now ?? Date.now;
  return withLock(async () => {
    const result: FlushResult = { sent: [], failed: [], retrying: [] };
    const { queue, sent } = await read();
    const keep: QueueItem[] = [];
    for (const item of queue) {
      if (item.state === 'failed' || (!opts.force && item.nextAttemptAt > now())) {
        keep.push(item);
        continue;
      }
      const outcome = await send(item).catch((e: unknown): SendOutcome => ({ ok: false, permanent: false, error: String(e) }));
      if (outcome.ok) {
        const { reference, affectedCustomers } = outcome;
        const done: SentItem = { key: item.key, kind: item.kind, label: item.label, reference, at: now() };
        if (affectedCustomers !== undefined) done.affectedCustomers = affectedCustomers;
        result.sent.push(done);
        sent.unshift(done);
      } else if (outcome.permanent) {
        const failed: QueueItem = { ...item, attempts: item.attempts + 1, state: 'failed', lastError: outcome.error };
        result.failed.push(failed);
        keep.push(failed);
      } else {
        const attempts = item.attempts + 1;
        const retry: QueueItem = { ...item, attempts, nextAttemptAt: now() + retryDelayMs(attempts), lastError: outcome.error };
        result.retrying.push(retry);
        keep.push(retry);
      }
    }
    await browser.storage.local.set({ [QUEUE]: keep, [SENT]: sent.slice(0, 50) });
    return result;
  });
}

/** Removes an item (a failed one the agent gave up on, or one taken back into the form). */
export async function removeFromQueue(key: string): Promise<void> {
  await withLock(async () => {
    const { queue } = await read();
    await browser.storage.local.set({ [QUEUE]: queue.filter((q) => q.key !== key) });
  });
}

/** Puts a failed item back to pending (after the agent fixed the token, for instance). */
export async function retryItem(key: string, now = Date.now()): Promise<void> {
  await withLock(async () => {
    const { queue } = await read();
    await browser.storage.local.set({
      [QUEUE]: queue.map((q) => (q.key === key ? { ...q, state: 'pending' as const, nextAttemptAt: now } : q)),
    });
  });
}

export function onQueueChanged(cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (QUEUE in changes || SENT in changes)) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
