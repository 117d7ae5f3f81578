import * as vscode from 'vscode';
import { HANDOFF_SCHEME, stepsDocPath } from '../uri/handoffUri';
import { IncidentPanel } from '../webviews/incident/panel';
import type { CommandDeps } from './deps';
import { refPrefix } from './prefix';
import { refFromArg } from './refArg';

/**
 * The column beside the code: where the incident's panel already is (unless the code is there
 * too), else the one right of the code. Never the code's own column — the steps must not hide it.
 */
export function stepsColumn(codeColumn: vscode.ViewColumn | undefined, panelColumn: vscode.ViewColumn | undefined): vscode.ViewColumn {
  if (panelColumn !== undefined && panelColumn !== codeColumn) return panelColumn;
  // right of the code; left of it when the code is in the last column there is
  if (codeColumn !== undefined && codeColumn > 0)
    return (codeColumn < vscode.ViewColumn.Nine ? codeColumn + 1 : codeColumn - 1) as vscode.ViewColumn;
  return vscode.ViewColumn.Beside;
}

/** The column of the code the person works on: the active editor, else a visible one (not a Handoff document). */
function codeColumn(): vscode.ViewColumn | undefined {
  const isCode = (e: vscode.TextEditor | undefined) => e && e.document.uri.scheme !== HANDOFF_SCHEME && e.viewColumn !== undefined;
  const active = vscode.window.activeTextEditor;
  if (isCode(active)) return active!.viewColumn;
  return vscode.window.visibleTextEditors.find(isCode)?.viewColumn;
}

/** "Open Steps Beside": the steps as a read-only Markdown document beside the code, which stays visible. */
export function openStepsBeside(deps: CommandDeps) {
  return async (arg?: unknown): Promise<void> => {
    const ref = refFromArg(arg, refPrefix()) ?? deps.activeReference();
    if (!ref) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open an incident first, or run this from an incident in the Handoff views.'));
      return;
    }
    const uri = vscode.Uri.from({ scheme: HANDOFF_SCHEME, path: stepsDocPath(ref) });
    const doc = await vscode.workspace.openTextDocument(uri);
    const viewColumn = stepsColumn(codeColumn(), IncidentPanel.column(ref));
    await vscode.window.showTextDocument(doc, { viewColumn, preview: true, preserveFocus: true });
  };
}
