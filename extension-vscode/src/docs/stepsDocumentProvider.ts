import * as vscode from 'vscode';
import type { IncidentStore } from '../incidents/incidentStore';
import { parseStepsDocPath } from '../uri/handoffUri';
import { whoseLine } from '../incidents/whose';
import { escapeMarkdown, stepsMarkdown } from './stepsMarkdown';

/** Serves `handoff:/INC-1042/steps.md` — read-only, since VS Code gives content providers no save. */
export class StepsDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly store: IncidentStore) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = parseStepsDocPath(uri.path);
    if (!ref) throw new Error(vscode.l10n.t('Not a Handoff document: {0}', uri.toString()));
    const incident = await this.store.get(ref, 10_000);
    // another team's incident: its steps are not in the outline; say whose it is instead
    if (incident.access === 'summary')
      return `# ${incident.reference} — ${escapeMarkdown(incident.title)}\n\n${escapeMarkdown(whoseLine(incident))}\n`;
    return stepsMarkdown(incident, {
      steps: vscode.l10n.t('Steps to reproduce'),
      expected: vscode.l10n.t('Expected'),
      actual: vscode.l10n.t('Actual'),
      environment: vscode.l10n.t('Environment'),
      none: vscode.l10n.t('No steps were given.'),
    });
  }

  /** Re-reads the document of `uri` (after a live event changed the incident). */
  update(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
