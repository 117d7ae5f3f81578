import * as vscode from 'vscode';
import { HANDOFF_SCHEME, stepsDocPath } from '../uri/handoffUri';
import type { CommandDeps } from './deps';
import { refPrefix } from './prefix';
import { refFromArg } from './refArg';

/** "Open Steps Beside": the steps as a read-only Markdown document in the side column. */
export function openStepsBeside(deps: CommandDeps) {
  return async (arg?: unknown): Promise<void> => {
    const ref = refFromArg(arg, refPrefix()) ?? deps.activeReference();
    if (!ref) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open an incident first, or run this from an incident in the Handoff views.'));
      return;
    }
    const uri = vscode.Uri.from({ scheme: HANDOFF_SCHEME, path: stepsDocPath(ref) });
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  };
}
