import * as vscode from 'vscode';
import type { IncidentStore } from '../incidents/incidentStore';
import type { Session } from '../auth/session';
import { openCount } from './treeModel';

/** "$(issues) 3": my open incidents; click shows the Handoff views. Hidden when signed out. */
export class OpenCountStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('handoff.openCount', vscode.StatusBarAlignment.Left, 50);
  private readonly subs: vscode.Disposable[];

  constructor(
    private readonly store: IncidentStore,
    private readonly session: Session,
  ) {
    this.item.name = vscode.l10n.t('Handoff open incidents');
    this.item.command = 'handoff.assigned.focus';
    this.subs = [store.onDidChange(() => this.update()), session.onDidChange(() => this.update())];
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
    this.item.text = `$(issues) ${n}`;
    this.item.tooltip = vscode.l10n.t('Handoff: {0} open incident(s) assigned to you', n);
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.item.dispose();
  }
}
