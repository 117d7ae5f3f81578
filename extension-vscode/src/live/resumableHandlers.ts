import type * as vscode from 'vscode';
import type { z } from 'zod';

export type StreamState = 'idle' | 'connecting' | 'pending';

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
}) {
  let last = opts.after === null ? Number.NEGATIVE_INFINITY : Number(opts.after);
  return {
    onData: (tracked: { id: string; data: unknown }) => {
      const id = Number(tracked.id);
      if (id <= last) {
        opts.log.warn(`Skipped live ${opts.what} event ${tracked.id}: it was delivered already (last ${last}).`);
        return;
      }
      if (Number.isFinite(id)) last = id;
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
