import * as vscode from 'vscode';
import { nextStatuses, type Incident } from '@handoff/shared';
import { classifyApiError, serverMessage } from '../../api/errors';
import { NotSignedInError, type Session } from '../../auth/session';
import type { IncidentStore } from '../../incidents/incidentStore';
import { performAction } from '../../incidents/actions';
import { panelHtml, makeNonce } from './html';
import { panelLabels } from './labels';
import {
  AttachmentPayloadSchema,
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
  workspaceState: vscode.Memento;
  log: vscode.LogOutputChannel;
  /** Called when a panel has rendered an incident: ms since the open was requested. */
  onRendered(reference: string, ms: number): void;
  /** Versions of the planned releases (suggestions for "mark fixed in version"). */
  plannedVersions(): string[];
}

/** One webview panel per incident (createOrShow), restored after a reload by the serializer. */
export class IncidentPanel implements vscode.Disposable {
  private static readonly panels = new Map<string, IncidentPanel>();
  private incident: Incident | null = null;
  /** When the open was requested; cleared once the first render is reported (later renders are refreshes). */
  private openedAt: number | null = performance.now();
  private readonly disposables: vscode.Disposable[] = [];

  static createOrShow(deps: PanelDeps, reference: string, requestedAt = performance.now()): IncidentPanel {
    const existing = IncidentPanel.panels.get(reference);
    if (existing) {
      existing.openedAt = requestedAt;
      existing.panel.reveal();
      void existing.load();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, reference, vscode.ViewColumn.Active, IncidentPanel.options(deps));
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

  /** Panels showing `reference` reload (after a live event or an action elsewhere). */
  static refresh(reference: string): void {
    void IncidentPanel.panels.get(reference)?.load();
  }

  static refreshAll(): void {
    for (const p of IncidentPanel.panels.values()) void p.load();
  }

  /** The reference of the focused incident panel, else of the most recently opened one. */
  static activeReference(): string | undefined {
    const all = [...IncidentPanel.panels.values()];
    return (all.find((p) => p.panel.active) ?? all.at(-1))?.reference;
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
      deps.session.onDidChange(() => void this.load()),
    );
  }

  private post(message: ExtensionToPanel): void {
    void this.panel.webview.postMessage(message);
  }

  async load(): Promise<void> {
    try {
      const incident = await this.deps.store.get(this.reference);
      await this.show(incident);
    } catch (err) {
      this.post({ type: 'loadError', message: describeError(err, this.reference) });
    }
  }

  private async show(incident: Incident): Promise<void> {
    const questions = await this.deps.store.questionsFor(incident.category);
    this.incident = incident;
    this.deps.store.remember(incident);
    void this.deps.store.noteOpened(incident);
    this.panel.title = `${incident.reference} ${incident.title}`;
    this.post({
      type: 'incident',
      incident,
      me: this.deps.session.user,
      nextStatuses: [...nextStatuses(incident.status)],
      checkedSteps: this.deps.workspaceState.get<number[]>(`handoff.steps.${incident.reference}`, []),
      questions,
      labels: panelLabels(),
      releaseVersions: this.deps.plannedVersions(),
    });
  }

  private receive(raw: unknown): void {
    const parsed = PanelToExtensionSchema.safeParse(raw);
    if (!parsed.success) {
      this.deps.log.warn(`Ignored an invalid message from the ${this.reference} panel: ${parsed.error.message}`);
      return;
    }
    void this.handle(parsed.data);
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
      case 'stepToggled': {
        const key = `handoff.steps.${this.reference}`;
        const set = new Set(this.deps.workspaceState.get<number[]>(key, []));
        if (msg.done) set.add(msg.index);
        else set.delete(msg.index);
        await this.deps.workspaceState.update(
          key,
          [...set].sort((a, b) => a - b),
        );
        return;
      }
      case 'openLink':
        await vscode.env.openExternal(vscode.Uri.parse(msg.url));
        return;
      case 'loadAttachment':
        return this.sendAttachment(msg.id);
      case 'action':
        return this.runAction(msg);
    }
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
    if (!this.incident) return;
    try {
      const updated = await performAction(this.deps.session.client, this.incident, msg.action);
      this.post({ type: 'result', requestId: msg.requestId, ok: true });
      if (updated) {
        await this.show(updated);
        this.deps.store.refreshSoon();
      }
    } catch (err) {
      const message = describeError(err, this.reference);
      this.deps.log.error(`${msg.action.type} on ${this.reference} failed: ${serverMessage(err)}`);
      this.post({ type: 'result', requestId: msg.requestId, ok: false, message });
    }
  }

  dispose(): void {
    if (IncidentPanel.panels.get(this.reference) === this) IncidentPanel.panels.delete(this.reference);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** A message a person can act on, for any error from loading or acting on an incident. */
export function describeError(err: unknown, reference: string): string {
  if (NotSignedInError.is(err)) return vscode.l10n.t('Sign in to Handoff first (command "Handoff: Sign In").');
  switch (classifyApiError(err)) {
    case 'unreachable':
      return vscode.l10n.t('The Handoff server cannot be reached. Check the setting handoff.serverUrl and your network.');
    case 'unauthorized':
      return vscode.l10n.t('Your Handoff token is no longer valid. Run "Handoff: Sign In" again.');
    case 'forbidden':
      return vscode.l10n.t('Your role may not do this: {0}', serverMessage(err));
    case 'notFound':
      return vscode.l10n.t('There is no incident {0}.', reference);
    default:
      return serverMessage(err);
  }
}
