import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { referenceProblem } from './openIncident';
import { refPrefix } from './prefix';
import { refFromArg } from './refArg';
import { parseReferenceInput } from '../refs/referenceInput';

/** The incident a reproduction command is for: its argument, the incident in view, or one the developer types. */
export async function reproRef(deps: CommandDeps, arg: unknown, title: string): Promise<string | undefined> {
  const prefix = refPrefix();
  const known = refFromArg(arg, prefix) ?? deps.activeReference();
  if (known) return known;
  const text = await vscode.window.showInputBox({
    title,
    placeHolder: vscode.l10n.t('{0}-1042, {1} 1042 or 1042', prefix, prefix.toLowerCase()),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? referenceProblem(v, prefix) : null),
  });
  const parsed = text === undefined ? null : parseReferenceInput(text, prefix);
  return parsed?.ok ? parsed.ref : undefined;
}

/** The workspace folder a reproduction test lives in (the one of the active editor, else the first). */
export function reproFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}
