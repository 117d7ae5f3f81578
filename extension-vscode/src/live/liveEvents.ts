import * as vscode from 'vscode';
import { IncidentEventSchema, type IncidentEvent } from '@handoff/shared';
import { serverUrl, type Session } from '../auth/session';

/** Event ids are per server: keep the last one per server URL, so switching servers misses nothing. */
const lastIdKey = () => `handoff.lastEventId:${serverUrl()}`;

/**
 * One SSE subscription to `events.onChange` while signed in. tRPC's subscription link reconnects
 * by itself and sends the last tracked id; we also keep that id across reloads, so nothing that
 * happened while VS Code was closed is missed.
 */
export class LiveEvents implements vscode.Disposable {
  private sub: { unsubscribe(): void } | null = null;
  private readonly emitter = new vscode.EventEmitter<IncidentEvent>();
  readonly onEvent = this.emitter.event;
  state: 'idle' | 'connecting' | 'pending' | 'error' = 'idle';

  constructor(
    private readonly session: Session,
    private readonly memento: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  start(): void {
    this.stop();
    if (!this.session.user) return;
    const key = lastIdKey();
    const lastEventId = this.memento.get<string | null>(key, null);
    this.sub = this.session.client.events.onChange.subscribe(
      { lastEventId },
      {
        onData: (tracked: { id: string; data: unknown }) => {
          const parsed = IncidentEventSchema.safeParse(tracked.data);
          if (!parsed.success) {
            this.log.warn(`Ignored an invalid live event ${tracked.id}: ${parsed.error.message}`);
            return;
          }
          void this.memento.update(key, tracked.id);
          this.emitter.fire(parsed.data);
        },
        onError: (err: unknown) => this.log.error(`Live events stopped: ${String(err)}`),
        onConnectionStateChange: (s: { state: 'idle' | 'connecting' | 'pending'; error: unknown }) => {
          this.state = s.state;
          if (s.error) this.log.warn(`Live events reconnecting: ${String(s.error)}`);
        },
      },
    );
  }

  stop(): void {
    this.sub?.unsubscribe();
    this.sub = null;
    this.state = 'idle';
  }

  dispose(): void {
    this.stop();
    this.emitter.dispose();
  }
}
