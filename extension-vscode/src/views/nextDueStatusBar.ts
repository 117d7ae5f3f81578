import * as vscode from 'vscode';
import { type IncidentListItem, urgencyOf } from '@handoff/shared';
import type { Session } from '../auth/session';
import type { IncidentStore } from '../incidents/incidentStore';
import { timeLeftText } from '../sla/timeLeftText';

/** The incident among `items` whose next service-level target is due first, with how urgent it is. */
export function nextDue(items: readonly IncidentListItem[], now: number) {
  let best: { reference: string; urgency: NonNullable<ReturnType<typeof urgencyOf>> } | null = null;
  for (const i of items) {
    const u = i.access === 'full' ? urgencyOf(i.sla, now) : null;
    if (u && (!best || u.target.dueAt! < best.urgency.target.dueAt!)) best = { reference: i.reference, urgency: u };
  }
  return best;
}

/**
 * "$(watch) INC-7 42 min left": the next service-level due time among my incidents, on a warning
 * background past the warning share and an error background once breached; click opens it.
 * Hidden when signed out or when no promise applies to any of my incidents.
 */
export class NextDueStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('handoff.nextDue', vscode.StatusBarAlignment.Left, 49);
  private readonly subs: vscode.Disposable[];
  /** Time left changes by itself. */
  private readonly tick = setInterval(() => this.update(), 30_000);

  constructor(
    private readonly store: IncidentStore,
    private readonly session: Session,
  ) {
    this.item.name = vscode.l10n.t('Handoff next service-level due time');
    this.subs = [store.onDidChange(() => this.update()), session.onDidChange(() => this.update())];
    this.update();
  }

  private update(): void {
    const now = Date.now();
    const next = this.session.user ? nextDue(this.store.assigned, now) : null;
    if (!next) {
      this.item.hide();
      return;
    }
    const left = timeLeftText(next.urgency.target.dueAt!, now);
    this.item.text = `$(watch) ${next.reference} ${left}`;
    this.item.tooltip = vscode.l10n.t('Handoff: next due among your incidents: {0}, {1}', next.reference, left);
    this.item.command = { command: 'handoff.openIncident', title: vscode.l10n.t('Open'), arguments: [next.reference] };
    const level = next.urgency.level;
    this.item.backgroundColor =
      level === 'breached'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : level === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    this.item.show();
  }

  dispose(): void {
    clearInterval(this.tick);
    for (const s of this.subs) s.dispose();
    this.item.dispose();
  }
}
