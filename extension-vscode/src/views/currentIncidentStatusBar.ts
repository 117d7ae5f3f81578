import * as vscode from 'vscode';
import type { CurrentIncident } from '../incidents/currentIncident';

/** "$(pinned) INC-1042": the incident this workspace works on; click opens it. Hidden when there is none. */
export class CurrentIncidentStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('handoff.currentIncident', vscode.StatusBarAlignment.Left, 49);
  private readonly sub: vscode.Disposable;

  constructor(private readonly current: CurrentIncident) {
    this.item.name = vscode.l10n.t('Handoff current incident');
    this.item.command = 'handoff.openCurrentIncident';
    this.sub = current.onDidChange(() => this.update());
    this.update();
  }

  private update(): void {
    const ref = this.current.reference;
    if (!ref) {
      this.item.hide();
      return;
    }
    this.item.text = `$(pinned) ${ref}`;
    this.item.tooltip = vscode.l10n.t('Current incident {0}: click to open it beside the code', ref);
    this.item.show();
  }

  dispose(): void {
    this.sub.dispose();
    this.item.dispose();
  }
}
