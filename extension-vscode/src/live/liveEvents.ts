import * as vscode from 'vscode';
import { IncidentEventSchema, type IncidentEvent } from '@handoff/shared';
import { serverUrl, type Session } from '../auth/session';
import { DeliveredUpTo, resumableHandlers } from './resumableHandlers';

/** Event ids are per server: keep the last one per server URL, so switching servers misses nothing. */
const lastIdKey = () => `handoff.lastEventId:${serverUrl()}`;

/**
 * One SSE subscription to `events.onChange` while signed in. tRPC's subscription link reconnects
 * by itself and sends the last tracked id; we also keep that id across reloads, so nothing that
 * happened while VS Code was closed is missed.
 */
export class LiveEvents implements vscode.Disposable {
  private sub: { unsubscribe(): void } | null = null;
  /** What this window delivered, across restarts of the stream (see DeliveredUpTo). */
  private readonly delivered = new DeliveredUpTo();
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
    const lastEventId = this.delivered.resumeAfter(key, this.memento.get<string | null>(key, null));
    this.sub = this.session.client.events.onChange.subscribe(
      { lastEventId },
      resumableHandlers({
        after: lastEventId,
        delivered: this.delivered,
        schema: IncidentEventSchema,
        memento: this.memento,
        key,
        log: this.log,
        what: 'incident',
        onEvent: (e) => this.emitter.fire(e),
        onState: (state) => (this.state = state),
      }),
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
