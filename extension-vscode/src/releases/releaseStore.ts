import * as vscode from 'vscode';
import { ReleaseEventSchema, ReleaseSchema, type Release, type ReleaseEvent } from '@handoff/shared';
import { serverUrl, type Session } from '../auth/session';
import { CoalescedReload } from '../live/coalescedReload';
import { DeliveredUpTo, resumableHandlers } from '../live/resumableHandlers';
import { newConcerns } from './releaseModel';

/** Release event ids are per server, like incident event ids: keep the last one per server URL. */
const lastIdKey = () => `handoff.lastReleaseEventId:${serverUrl()}`;

export interface ConcernNotice {
  version: string;
  reviewer: string;
  text: string;
  item: string | null;
}

/**
 * The releases behind the Releases view: planned and shipped, reloaded on each `releases.onChange`
 * event (the same SSE approach as LiveEvents, resuming from the last id kept across reloads).
 */
export class ReleaseStore implements vscode.Disposable {
  releases: Release[] = [];
  loaded = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly concern = new vscode.EventEmitter<ConcernNotice>();
  /** A reviewer raised a concern on a release the signed-in user created. */
  readonly onConcern = this.concern.event;
  private readonly eventEmitter = new vscode.EventEmitter<ReleaseEvent>();
  readonly onEvent = this.eventEmitter.event;
  private sub: { unsubscribe(): void } | null = null;
  /** What this window delivered, across restarts of the stream (see DeliveredUpTo). */
  private readonly delivered = new DeliveredUpTo();
  private readonly reload = new CoalescedReload(
    () => this.load(),
    (err) => this.log.error(`Loading releases failed: ${String(err)}`),
  );
  state: 'idle' | 'connecting' | 'pending' | 'error' = 'idle';

  constructor(
    private readonly session: Session,
    private readonly memento: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get planned(): Release[] {
    return this.releases.filter((r) => r.status === 'planned');
  }

  /** Reconnects the live stream and reloads (on sign-in and sign-out). */
  start(): void {
    this.stop();
    this.releases = [];
    this.loaded = false;
    void this.refresh().catch((err) => this.log.error(`Loading releases failed: ${String(err)}`));
    if (!this.session.user) return;
    const key = lastIdKey();
    const lastEventId = this.delivered.resumeAfter(key, this.memento.get<string | null>(key, null));
    this.sub = this.session.client.releases.onChange.subscribe(
      { lastEventId },
      resumableHandlers({
        after: lastEventId,
        delivered: this.delivered,
        schema: ReleaseEventSchema,
        memento: this.memento,
        key,
        log: this.log,
        what: 'release',
        onEvent: (e) => {
          this.eventEmitter.fire(e);
          this.refreshSoon();
        },
        onState: (state) => (this.state = state),
      }),
    );
  }

  stop(): void {
    this.sub?.unsubscribe();
    this.sub = null;
    this.state = 'idle';
  }

  refresh(): Promise<void> {
    return this.reload.run();
  }

  /** For live events: reloads at once; a burst becomes one more reload after the one running. */
  refreshSoon(): void {
    this.reload.soon();
  }

  private async load(): Promise<void> {
    const me = this.session.user;
    if (!me) {
      this.releases = [];
    } else {
      const list = await this.session.client.releases.list.query({});
      const next = ReleaseSchema.array().parse(list);
      if (this.loaded) {
        for (const { release, feedback } of newConcerns(this.releases, next)) {
          if (release.createdBy.id !== me.id || feedback.reviewer.id === me.id) continue;
          const item = feedback.itemId === null ? null : release.items.find((i) => i.id === feedback.itemId);
          this.concern.fire({
            version: release.version,
            reviewer: feedback.reviewer.name,
            text: feedback.text,
            item: item ? (item.incident?.reference ?? item.text) : null,
          });
        }
      }
      this.releases = next;
    }
    this.loaded = true;
    this.changed.fire();
  }

  dispose(): void {
    this.stop();
    this.changed.dispose();
    this.concern.dispose();
    this.eventEmitter.dispose();
  }
}
