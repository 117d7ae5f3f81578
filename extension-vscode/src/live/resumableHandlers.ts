import type * as vscode from 'vscode';
import type { z } from 'zod';

export type StreamState = 'idle' | 'connecting' | 'pending';

/**
 * The newest event id a store has delivered, kept by the store across its subscriptions (a restart
 * of its stream, a reconnect) for one server: an event a previous subscription delivered is never
 * delivered again by the next, even if the stored last id lags behind or an old stream still ends.
 */
export class DeliveredUpTo {
  private key: string | null = null;
  private id = Number.NEGATIVE_INFINITY;

  /** The newest id delivered for `key` (another server starts from nothing). */
  for(key: string): number {
    if (key !== this.key) {
      this.key = key;
      this.id = Number.NEGATIVE_INFINITY;
    }
    return this.id;
  }

  note(key: string, id: number): void {
    if (key === this.key && id > this.id) this.id = id;
  }

  /** What to resume after: the stored last id, or the newer one this store delivered. */
  resumeAfter(key: string, stored: string | null): string | null {
    const delivered = this.for(key);
    const fromStore = stored === null ? Number.NEGATIVE_INFINITY : Number(stored);
    return Number.isFinite(delivered) && !(fromStore >= delivered) ? String(delivered) : stored;
  }
}

/**
 * Handlers for a tracked tRPC subscription that validates every event with `schema`, keeps the
 * last event id in `memento` under `key` (so a reload resumes where it stopped), and logs what
 * goes wrong naming the stream (`what`: "incident" or "release"). Event ids only grow along a
 * stream, so an event at or below the last one delivered (or the id the stream resumed after)
 * is a repeat — a replay after a reconnect — and is not shown again.
 */
export function resumableHandlers<T>(opts: {
  schema: z.ZodType<T>;
  /** The id the subscription resumes after (what was passed as `lastEventId`). */
  after: string | null;
  memento: vscode.Memento;
  key: string;
  log: vscode.LogOutputChannel;
  what: string;
  onEvent: (event: T) => void;
  onState: (state: StreamState) => void;
  /** Kept by the store across its subscriptions (see DeliveredUpTo); a fresh one when omitted. */
  delivered?: DeliveredUpTo;
}) {
  const delivered = opts.delivered ?? new DeliveredUpTo();
  const after = opts.after === null ? Number.NEGATIVE_INFINITY : Number(opts.after);
  let last = Math.max(Number.isNaN(after) ? Number.NEGATIVE_INFINITY : after, delivered.for(opts.key));
  return {
    onData: (tracked: { id: string; data: unknown }) => {
      const id = Number(tracked.id);
      last = Math.max(last, delivered.for(opts.key));
      if (id <= last) {
        opts.log.warn(`Skipped live ${opts.what} event ${tracked.id}: it was delivered already (last ${last}).`);
        return;
      }
      if (Number.isFinite(id)) {
        last = id;
        delivered.note(opts.key, id);
      }
      const parsed = opts.schema.safeParse(tracked.data);
      if (!parsed.success) {
        opts.log.warn(`Ignored an invalid live ${opts.what} event ${tracked.id}: ${parsed.error.message}`);
        return;
      }
      void opts.memento.update(opts.key, tracked.id);
      opts.onEvent(parsed.data);
    },
    onError: (err: unknown) => opts.log.error(`Live ${opts.what} events stopped: ${String(err)}`),
    onConnectionStateChange: (s: { state: StreamState; error: unknown }) => {
      opts.onState(s.state);
      if (s.error) opts.log.warn(`Live ${opts.what} events reconnecting: ${String(s.error)}`);
    },
  };
}
