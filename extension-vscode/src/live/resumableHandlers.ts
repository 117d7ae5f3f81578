import type * as vscode from 'vscode';
import type { z } from 'zod';

export type StreamState = 'idle' | 'connecting' | 'pending';

/**
 * Handlers for a tracked tRPC subscription that validates every event with `schema`, keeps the
 * last event id in `memento` under `key` (so a reload resumes where it stopped), and logs what
 * goes wrong naming the stream (`what`: "incident" or "release").
 */
export function resumableHandlers<T>(opts: {
  schema: z.ZodType<T>;
  memento: vscode.Memento;
  key: string;
  log: vscode.LogOutputChannel;
  what: string;
  onEvent: (event: T) => void;
  onState: (state: StreamState) => void;
}) {
  return {
    onData: (tracked: { id: string; data: unknown }) => {
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
