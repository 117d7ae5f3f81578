import * as vscode from 'vscode';
const loadedAt = performance.now();
import { Session } from './auth/session';
import { COMMANDS } from './commands';
import type { CommandDeps } from './commands/deps';
import { StepsDocumentProvider } from './docs/stepsDocumentProvider';
import { CurrentIncident } from './incidents/currentIncident';
import { IncidentStore } from './incidents/incidentStore';
import { LiveEvents } from './live/liveEvents';
import { noticeFor } from './live/notifications';
import { showNotice } from './live/showNotice';
import { RefLinkProvider } from './refs/refLinkProvider';
import { HANDOFF_SCHEME, stepsDocPath } from './uri/handoffUri';
import { HandoffUriHandler } from './uri/uriHandler';
import { IncidentTreeProvider, VIEW_IDS, type ViewKind } from './views/incidentTreeProvider';
import { CurrentIncidentStatusBar } from './views/currentIncidentStatusBar';
import { CurrentIncidentView } from './views/currentIncidentView';
import { NextDueStatusBar } from './views/nextDueStatusBar';
import { OpenCountStatusBar } from './views/statusBar';
import { openCount } from './views/treeModel';
import { ReleaseStore } from './releases/releaseStore';
import { plannedConcerns } from './releases/releaseModel';
import { RELEASES_VIEW_ID, ReleaseTreeProvider } from './views/releaseTreeProvider';
import { IncidentPanel, PANEL_VIEW_TYPE, type PanelDeps } from './webviews/incident/panel';

/** Returned from activate() so integration tests can read timings and state; not a public API. */
export interface HandoffTestApi {
  activationMs: number;
  panelTimings: { reference: string; ms: number }[];
  ready: Promise<void>;
  session: Session;
  store: IncidentStore;
  live: LiveEvents;
  trees: Record<ViewKind, IncidentTreeProvider>;
  releases: ReleaseStore;
  current: CurrentIncident;
  currentView: CurrentIncidentView;
}

// Local files, remote ones (code-server, SSH, containers), unsaved ones, the commit message box.
const LINK_SELECTOR: vscode.DocumentSelector = ['file', 'vscode-remote', 'untitled', 'vscode-scm', 'git', 'vscode-vfs'].map((scheme) => ({
  scheme,
}));

export function activate(context: vscode.ExtensionContext): HandoffTestApi {
  const log = vscode.window.createOutputChannel('Handoff', { log: true });
  const session = new Session(context.secrets);
  const store = new IncidentStore(session, context.globalState);
  const live = new LiveEvents(session, context.globalState, log);
  const releases = new ReleaseStore(session, context.globalState, log);
  const steps = new StepsDocumentProvider(store);
  const current = new CurrentIncident(context.workspaceState);
  const currentView = new CurrentIncidentView(current, store, session, log);
  const panelTimings: { reference: string; ms: number }[] = [];
  const panelDeps: PanelDeps = {
    session,
    store,
    log,
    extensionUri: context.extensionUri,
    current,
    plannedVersions: () => releases.planned.map((r) => r.version),
    onRendered: (reference, ms) => {
      panelTimings.push({ reference, ms });
      log.info(`Rendered ${reference} in ${ms.toFixed(0)} ms`);
    },
  };
  const deps: CommandDeps = {
    context,
    session,
    store,
    releases,
    log,
    current,
    openPanel: (ref, requestedAt) => {
      void current.set(ref); // the last one opened is the one worked on
      IncidentPanel.createOrShow(panelDeps, ref, requestedAt);
    },
    activeReference: () => IncidentPanel.activeReference() ?? current.reference,
  };
  context.subscriptions.push(
    log,
    session,
    store,
    live,
    releases,
    steps,
    current,
    currentView,
    current.onDidChangeChecks((ref) => IncidentPanel.showChecks(ref)),
    new CurrentIncidentStatusBar(current),
    new OpenCountStatusBar(store, session),
    new NextDueStatusBar(store, session),
  );

  for (const [id, make] of Object.entries(COMMANDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, make(deps)));
  }
  const trees = {} as Record<ViewKind, IncidentTreeProvider>;
  for (const kind of Object.keys(VIEW_IDS) as ViewKind[]) {
    const provider = new IncidentTreeProvider(kind, store);
    trees[kind] = provider;
    const view = vscode.window.createTreeView(VIEW_IDS[kind], { treeDataProvider: provider, showCollapseAll: kind === 'teams' });
    if (kind === 'assigned') {
      const badge = () => {
        const n = openCount(store.assigned);
        view.badge = n ? { value: n, tooltip: vscode.l10n.t('{0} open incident(s) assigned to you', n) } : undefined;
      };
      context.subscriptions.push(store.onDidChange(badge));
    }
    context.subscriptions.push(provider, view);
  }
  const releaseTree = new ReleaseTreeProvider(releases);
  const releaseView = vscode.window.createTreeView(RELEASES_VIEW_ID, { treeDataProvider: releaseTree, showCollapseAll: true });
  const releaseBadge = () => {
    const n = plannedConcerns(releases.releases);
    releaseView.badge = n ? { value: n, tooltip: vscode.l10n.t('{0} concern(s) from L1 on upcoming releases', n) } : undefined;
    releaseView.description = n ? vscode.l10n.t('{0} concern(s)', n) : undefined;
  };
  context.subscriptions.push(
    releaseTree,
    releaseView,
    releases.onDidChange(releaseBadge),
    releases.onEvent((e) => {
      if (e.kind !== 'feedback') IncidentPanel.refreshAll(); // new release versions to suggest
    }),
    releases.onConcern((c) => {
      if (!vscode.workspace.getConfiguration('handoff').get('notifications', true)) return;
      const message = c.item
        ? vscode.l10n.t('{0} raised a concern on {1} in release {2}: {3}', c.reviewer, c.item, c.version, c.text)
        : vscode.l10n.t('{0} raised a concern on release {1}: {2}', c.reviewer, c.version, c.text);
      const show = vscode.l10n.t('Show Releases');
      void vscode.window.showWarningMessage(message, show).then((choice) => {
        if (choice === show) void vscode.commands.executeCommand(`${RELEASES_VIEW_ID}.focus`);
      });
    }),
  );
  const links = new RefLinkProvider(store);
  context.subscriptions.push(
    vscode.window.registerUriHandler(new HandoffUriHandler(log)),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => IncidentPanel.revive(panelDeps, panel, state),
    }),
    vscode.workspace.registerTextDocumentContentProvider(HANDOFF_SCHEME, steps),
    vscode.languages.registerDocumentLinkProvider(LINK_SELECTOR, links),
    vscode.languages.registerHoverProvider(LINK_SELECTOR, links),
    session.onDidChange(() => {
      live.start();
      releases.start();
      void store.refresh().catch((err) => log.error(`Loading incident lists failed: ${String(err)}`));
    }),
    live.onEvent((event) => {
      store.refreshSoon();
      IncidentPanel.onEvent(event);
      currentView.refreshIf(event.reference);
      if (event.kind === 'released' || event.kind === 'status_changed') releases.refreshSoon(); // item statuses
      steps.update(vscode.Uri.from({ scheme: HANDOFF_SCHEME, path: stepsDocPath(event.reference) }));
      const me = session.user;
      const notice = me && noticeFor(event, me);
      if (notice && vscode.workspace.getConfiguration('handoff').get('notifications', true)) void showNotice(notice);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('handoff.serverUrl')) void session.restore();
    }),
  );

  const ready = session.restore().then(
    (result) => {
      if (result && !result.ok) {
        log.warn(`Stored token not usable (${result.problem}): ${result.detail}`);
        if (result.problem === 'unreachable') {
          void vscode.window.showWarningMessage(
            vscode.l10n.t(
              'Handoff: cannot reach the server at {0}. Views stay empty until it is back; run "Handoff: Refresh" then.',
              result.detail,
            ),
          );
        }
      }
    },
    (err) => log.error(`Restoring the session failed: ${String(err)}`),
  );
  const activationMs = performance.now() - loadedAt;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs, panelTimings, ready, session, store, live, trees, releases, current, currentView };
}

export function deactivate(): void {}
