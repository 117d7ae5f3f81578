import * as vscode from 'vscode';
import { applyIncidentChange, type IncidentChange, type IncidentEvent, type IncidentView } from '@handoff/shared';
import { serverMessage } from '../../api/errors';
import { NotSignedInError, type Session } from '../../auth/session';
import { performAction } from '../../incidents/actions';
import { describeError } from '../../incidents/describeError';
import type { CurrentIncident } from '../../incidents/currentIncident';
import type { IncidentStore } from '../../incidents/incidentStore';
import { holdsEvent, keepEarlierEntries } from '../../incidents/timeline';
import { CoalescedReload } from '../../live/coalescedReload';
import { followIncident } from '../../live/followIncident';
import { makeNonce, panelHtml } from './html';
import { panelMessage } from './panelMessage';
import {
  AttachmentPayloadSchema,
  parseAction,
  PanelStateSchema,
  PanelToExtensionSchema,
  type ExtensionToPanel,
  type PanelToExtension,
} from './protocol';

export const PANEL_VIEW_TYPE = 'handoff.incident';

export interface PanelDeps {
  session: Session;
  store: IncidentStore;
  extensionUri: vscode.Uri;
  /** The workspace's current incident and the steps ticked off per incident. */
  current: CurrentIncident;
  log: vscode.LogOutputChannel;
  /** Called when a panel has rendered an incident: ms since the open was requested. */
  onRendered(reference: string, ms: number): void;
  /** Versions of the planned releases (suggestions for "mark fixed in version"). */
  plannedVersions(): string[];
}

/** One webview panel per incident (createOrShow), restored after a reload by the serializer. */
export class IncidentPanel implements vscode.Disposable {
  private static readonly panels = new Map<string, IncidentPanel>();
  private view: IncidentView | null = null;
  /** When the open was requested; cleared once the first render is reported (later renders are refreshes). */
  private openedAt: number | null = performance.now();
  private readonly disposables: vscode.Disposable[] = [];
  /** Live changes of another team's incident, while it shows as an outline (see followIncident). */
  private following: vscode.Disposable | null = null;
  /**
   * Live events re-read the incident one load at a time (one more after a burst): two loads in
   * flight could answer out of order and leave the panel showing the older state.
   */
  private readonly liveReload = new CoalescedReload(
    () => this.load(),
    () => undefined, // load() shows its own errors in the panel
  );

  static createOrShow(deps: PanelDeps, reference: string, requestedAt = performance.now()): IncidentPanel {
    const existing = IncidentPanel.panels.get(reference);
    if (existing) {
      existing.openedAt = requestedAt;
      existing.panel.reveal(undefined, true);
      void existing.load();
      return existing;
    }
    // The code stays in front: the panel opens beside it (in the column other panels use, if any)
    // and the focus stays where the person was typing.
    const viewColumn = IncidentPanel.column() ?? vscode.ViewColumn.Beside;
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      reference,
      { viewColumn, preserveFocus: true },
      IncidentPanel.options(deps),
    );
    const created = new IncidentPanel(deps, panel, reference);
    created.openedAt = requestedAt;
    return created;
  }

  static revive(deps: PanelDeps, panel: vscode.WebviewPanel, state: unknown): void {
    const parsed = PanelStateSchema.safeParse(state);
    if (!parsed.success) {
      panel.dispose(); // nothing we can restore; never render unvalidated state
      return;
    }
    panel.webview.options = IncidentPanel.options(deps);
    new IncidentPanel(deps, panel, parsed.data.reference);
  }

  /** Panels showing `reference` reload (after an action elsewhere). */
  static refresh(reference: string): void {
    void IncidentPanel.panels.get(reference)?.load();
  }

  static refreshAll(): void {
    for (const p of IncidentPanel.panels.values()) void p.load();
  }

  /** A live event: the panel showing its incident re-reads it, unless it holds that change already. */
  static onEvent(event: IncidentEvent): void {
    const panel = IncidentPanel.panels.get(event.reference);
    if (panel && !holdsEvent(panel.view, event)) panel.liveReload.soon();
  }

  /** A change made by a command (assign, start work): merged into the panel showing it, no re-read. */
  static applyChange(change: IncidentChange): void {
    const panel = IncidentPanel.panels.get(change.reference);
    if (panel?.view?.access === 'full') void panel.show(applyIncidentChange(panel.view, change));
  }

  /** The reference of the focused incident panel, if one has the focus. */
  static activeReference(): string | undefined {
    return [...IncidentPanel.panels.values()].find((p) => p.panel.active)?.reference;
  }

  /** The editor column incident panels show in (the one of `reference`'s panel, else of any). */
  static column(reference?: string): vscode.ViewColumn | undefined {
    const all = [...IncidentPanel.panels.values()].filter((p) => p.panel.viewColumn !== undefined);
    return (all.find((p) => p.reference === reference) ?? all.at(-1))?.panel.viewColumn;
  }

  /** The ticks of `reference` changed elsewhere (the Current incident view): its panel shows them. */
  static showChecks(reference: string): void {
    const panel = IncidentPanel.panels.get(reference);
    // Only the boxes change: a whole re-render here could swallow a click the person is making in the panel.
    if (panel?.view?.access === 'full') panel.post({ type: 'checks', checkedSteps: panel.deps.current.checked(reference) });
  }

  static has(reference: string): boolean {
    return IncidentPanel.panels.has(reference);
  }

  private static options(deps: PanelDeps): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(deps.extensionUri, 'media')], enableFindWidget: true };
  }

  private constructor(
    private readonly deps: PanelDeps,
    readonly panel: vscode.WebviewPanel,
    readonly reference: string,
  ) {
    IncidentPanel.panels.set(reference, this);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'handoff.svg');
    const media = (file: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, 'media', file)).toString();
    panel.webview.html = panelHtml(
      {
        cspSource: panel.webview.cspSource,
        scriptUri: media('build/incident.js'),
        styleUri: media('incident.css'),
        language: vscode.env.language,
      },
      makeNonce(),
    );
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      deps.session.onDidChange(() => {
        this.unfollow(); // the stream belonged to the previous session
        void this.load();
      }),
    );
  }

  private post(message: ExtensionToPanel): void {
    void this.panel.webview.postMessage(message);
  }

  async load(): Promise<void> {
    try {
      await this.show(await this.deps.store.get(this.reference));
    } catch (err) {
      this.post({ type: 'loadError', message: describeError(err, this.reference) });
    }
  }

  private async show(next: IncidentView): Promise<void> {
    const view = keepEarlierEntries(this.view, next);
    this.view = view;
    this.deps.store.remember(view);
    void this.deps.store.noteOpened(view);
    this.panel.title = `${view.reference} ${view.title}`;
    if (view.access === 'summary') {
      this.following ??= followIncident(this.deps.session, this.reference, this.deps.log, () => this.liveReload.soon());
    } else {
      this.unfollow(); // the main live stream carries the incidents one sees in full
    }
    this.post(await panelMessage(view, this.deps.session.user, this.deps));
  }

  private unfollow(): void {
    this.following?.dispose();
    this.following = null;
  }

  private receive(raw: unknown): void {
    const parsed = PanelToExtensionSchema.safeParse(raw);
    if (parsed.success) {
      void this.handle(parsed.data);
      return;
    }
    this.deps.log.warn(`Ignored an invalid message from the ${this.reference} panel: ${parsed.error.message}`);
    // An action the contract refuses (e.g. a comment too long) still gets an answer, naming the field.
    const msg = raw as { type?: unknown; requestId?: unknown; action?: unknown } | null;
    if (msg?.type === 'action' && typeof msg.requestId === 'number') {
      const action = parseAction(msg.action);
      this.post({ type: 'result', requestId: msg.requestId, ok: false, message: action.ok ? parsed.error.message : action.problem });
    }
  }

  private async handle(msg: PanelToExtension): Promise<void> {
    switch (msg.type) {
      case 'ready':
        return this.load();
      case 'rendered':
        if (msg.reference === this.reference && this.openedAt !== null) {
          this.deps.onRendered(this.reference, performance.now() - this.openedAt);
          this.openedAt = null;
        }
        return;
      case 'stepToggled':
        return this.toggleStep(msg.index, msg.done);
      case 'openLink':
        await vscode.env.openExternal(vscode.Uri.parse(msg.url));
        return;
      case 'loadAttachment':
        return this.sendAttachment(msg.id);
      case 'action':
        return this.runAction(msg);
    }
  }

  private async toggleStep(index: number, done: boolean): Promise<void> {
    if (this.view?.access !== 'full' || index >= this.view.steps.length) return;
    await this.deps.current.setChecked(this.reference, index, done);
  }

  private async sendAttachment(id: number): Promise<void> {
    try {
      const a = await this.deps.session.client.incidents.attachment.query({ ref: this.reference, id });
      const parsed = AttachmentPayloadSchema.parse({ type: 'attachment', id, mediaType: a.mediaType, dataBase64: a.dataBase64 });
      this.post(parsed);
    } catch (err) {
      void vscode.window.showErrorMessage(describeError(err, this.reference));
    }
  }

  private async runAction(msg: Extract<PanelToExtension, { type: 'action' }>): Promise<void> {
    const { view } = this;
    const me = this.deps.session.user;
    try {
      if (!view || !me) throw new NotSignedInError();
      const next = await performAction(this.deps.session.client, me, view, msg.action);
      this.post({ type: 'result', requestId: msg.requestId, ok: true });
      if (!next) return;
      await this.show(next);
      // lists show status and owner: they follow a change (never an earlier page or a re-read)
      if (msg.action.type !== 'loadEarlier' && msg.action.type !== 'refresh') this.deps.store.refreshSoon();
    } catch (err) {
      const message = describeError(err, this.reference);
      this.deps.log.error(`${msg.action.type} on ${this.reference} failed: ${serverMessage(err)}`);
      this.post({ type: 'result', requestId: msg.requestId, ok: false, message });
    }
  }

  dispose(): void {
    if (IncidentPanel.panels.get(this.reference) === this) IncidentPanel.panels.delete(this.reference);
    this.unfollow();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
