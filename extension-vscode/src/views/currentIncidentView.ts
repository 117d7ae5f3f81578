import * as vscode from 'vscode';
import { crmSystemName, type IncidentView } from '@handoff/shared';
import type { Session } from '../auth/session';
import type { CurrentIncident } from '../incidents/currentIncident';
import { describeError } from '../incidents/describeError';
import type { IncidentStore } from '../incidents/incidentStore';
import { statusLabel } from '../incidents/labels';
import { type ChecklistStep, checklistOf } from './checklist';

export const CURRENT_VIEW_ID = 'handoff.current';

/** "INC-1042 Title" · status; click opens the panel beside the code. */
class HeaderNode extends vscode.TreeItem {
  readonly kind = 'header';
  constructor(view: IncidentView, categoryLabel: string | null) {
    super(`${view.reference} ${view.title}`, vscode.TreeItemCollapsibleState.None);
    this.id = 'current:header';
    this.description = statusLabel(view.status);
    this.iconPath = new vscode.ThemeIcon('pinned');
    this.contextValue = 'handoff.currentIncident';
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${view.reference}: ${view.title}\n\n${statusLabel(view.status)}`);
    if (view.access === 'full') {
      const helpdesk = crmSystemName(view.crm.system) ?? view.crm.system;
      tooltip.appendText(` · ${categoryLabel ?? view.category} · ${[helpdesk, view.crm.ticketId].filter(Boolean).join(' ')}`);
    }
    this.tooltip = tooltip;
    this.command = { command: 'handoff.openIncident', title: vscode.l10n.t('Open'), arguments: [view.reference] };
  }
}

/** One step with its checkbox; expected and actual under it; the failing step marked. */
class StepNode extends vscode.TreeItem {
  readonly kind = 'step';
  constructor(
    readonly reference: string,
    readonly step: ChecklistStep,
  ) {
    const hasDetail = step.expected !== undefined || step.actual !== undefined;
    super(`${step.index + 1}. ${step.action}`, hasDetail ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    this.id = `current:${reference}:step:${step.index}`;
    this.checkboxState = step.done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    if (step.failing) {
      this.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      this.description = vscode.l10n.t('fails here');
    }
    this.tooltip = [
      step.action,
      step.expected && vscode.l10n.t('Expected: {0}', step.expected),
      step.actual && vscode.l10n.t('Actual: {0}', step.actual),
    ]
      .filter(Boolean)
      .join('\n');
    this.contextValue = step.failing ? 'handoff.step.failing' : 'handoff.step';
  }
}

/** "Expected: …" or "Actual: …" under a step. */
class DetailNode extends vscode.TreeItem {
  readonly kind = 'detail';
  constructor(id: string, label: string, text: string, failing: boolean) {
    super(`${label}: ${text}`, vscode.TreeItemCollapsibleState.None);
    this.id = id;
    this.tooltip = text;
    if (failing) this.iconPath = new vscode.ThemeIcon('debug-stackframe-dot', new vscode.ThemeColor('errorForeground'));
  }
}

type Node = HeaderNode | StepNode | DetailNode;

/**
 * The "Current incident" view (like the pull-request extension's active pull request): the
 * incident this workspace works on, its steps as a checklist that stays beside the code while
 * the panel sits in the other column. Ticks are remembered per incident in the workspace.
 */
export class CurrentIncidentView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private incident: IncidentView | null = null;
  private categoryLabel: string | null = null;
  private readonly view: vscode.TreeView<Node>;
  private readonly subs: vscode.Disposable[];

  constructor(
    private readonly current: CurrentIncident,
    private readonly store: IncidentStore,
    private readonly session: Session,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.view = vscode.window.createTreeView(CURRENT_VIEW_ID, { treeDataProvider: this, manageCheckboxStateManually: true });
    this.subs = [
      this.view,
      this.view.onDidChangeCheckboxState((e) => {
        for (const [node, state] of e.items) {
          if (node.kind === 'step')
            void current.setChecked(node.reference, node.step.index, state === vscode.TreeItemCheckboxState.Checked);
        }
      }),
      current.onDidChange(() => void this.load()),
      current.onDidChangeChecks((ref) => {
        if (ref === this.incident?.reference) this.changed.fire(undefined);
      }),
      session.onDidChange(() => void this.load()),
      // lists reloaded (Refresh, live events): what the panel just fetched is fresh enough
      store.onDidChange(() => void this.load(2_000)),
    ];
  }

  /** The incident shown now (tests read it). */
  get shown(): IncidentView | null {
    return this.incident;
  }

  /** A live event or an action changed `reference`: re-read it if it is the current one. */
  refreshIf(reference: string): void {
    if (reference === this.current.reference) void this.load();
  }

  /** Reads the current incident (a copy at most `maxAgeMs` old will do) and redraws the view. */
  async load(maxAgeMs = 0): Promise<void> {
    const ref = this.current.reference;
    this.view.description = ref;
    this.view.message = undefined;
    if (!ref || !this.session.user) {
      this.incident = null;
      this.changed.fire(undefined);
      return;
    }
    try {
      const view = await this.store.get(ref, maxAgeMs);
      this.incident = view;
      this.categoryLabel = view.access === 'full' ? (await this.store.questionsFor(view)).label : null;
      if (view.access === 'summary')
        this.view.message = vscode.l10n.t('{0} is another team’s incident: its steps are not shown to you.', ref);
    } catch (err) {
      this.log.warn(`Loading the current incident ${ref} failed: ${String(err)}`);
      this.incident = null;
      this.view.message = describeError(err, ref);
    }
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node;
  }

  getChildren(node?: Node): Node[] {
    const view = this.incident;
    if (!view || view.reference !== this.current.reference) return [];
    if (!node) {
      const header = new HeaderNode(view, this.categoryLabel);
      if (view.access !== 'full') return [header];
      return [header, ...checklistOf(view.steps, this.current.checked(view.reference)).map((s) => new StepNode(view.reference, s))];
    }
    if (node.kind !== 'step') return [];
    const { step } = node;
    const base = `current:${node.reference}:step:${step.index}`;
    return [
      ...(step.expected !== undefined ? [new DetailNode(`${base}:expected`, vscode.l10n.t('Expected'), step.expected, false)] : []),
      ...(step.actual !== undefined ? [new DetailNode(`${base}:actual`, vscode.l10n.t('Actual'), step.actual, step.failing)] : []),
    ];
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.changed.dispose();
  }
}
