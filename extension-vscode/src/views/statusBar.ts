import * as vscode from 'vscode';
import type { IncidentStore } from '../incidents/incidentStore';
import type { Session } from '../auth/session';
import { urgencyOf } from '@handoff/shared';
import { timeLeftText } from '../sla/timeLeftText';
import { openCount } from './treeModel';

/** The incident among `items` whose next service-level target is due first, with how urgent it is. */
export function nextBreach(items: IncidentStore['assigned'], now: number) {
  let best: { reference: string; urgency: NonNullable<ReturnType<typeof urgencyOf>> } | null = null;
  for (const i of items) {
    const u = i.access === 'full' ? urgencyOf(i.sla, now) : null;
    if (u && (!best || u.target.dueAt! < best.urgency.target.dueAt!)) best = { reference: i.reference, urgency: u };
  }
  return best;
}

/**
 * "$(issues) 3 $(watch) INC-7 42 min left": my open incidents and the next service-level due
 * time among them (warning colours once past the warning share or breached); click shows the
 * Handoff views. Hidden when signed out.
 */
export class OpenCountStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('handoff.openCount', vscode.StatusBarAlignment.Left, 50);
  private readonly subs: vscode.Disposable[];
  private readonly tick: ReturnType<typeof setInterval>;

  constructor(
    private readonly store: IncidentStore,
    private readonly session: Session,
  ) {
    this.item.name = vscode.l10n.t('Handoff open incidents');
    this.item.command = 'handoff.assigned.focus';
    this.subs = [store.onDidChange(() => this.update()), session.onDidChange(() => this.update())];
    this.tick = setInterval(() => this.update(), 30_000);
    this.update();
  }

  count(): number {
    return openCount(this.store.assigned);
  }

  private update(): void {
    if (!this.session.user) {
      this.item.hide();
      return;
    }
    const n = this.count();
    const now = Date.now();
    const next = nextBreach(this.store.assigned, now);
    const left = next ? timeLeftText(next.urgency.target.dueAt!, now) : null;
    this.item.text = next ? `$(issues) ${n}  $(watch) ${next.reference} ${left}` : `$(issues) ${n}`;
    this.item.tooltip = next
      ? vscode.l10n.t('Handoff: {0} open incident(s) assigned to you; next due: {1}, {2}', n, next.reference, left!)
      : vscode.l10n.t('Handoff: {0} open incident(s) assigned to you', n);
    const level = next?.urgency.level ?? 'ok';
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
