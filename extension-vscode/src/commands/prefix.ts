import * as vscode from 'vscode';

export function refPrefix(): string {
  return vscode.workspace.getConfiguration('handoff').get<string>('referencePrefix', 'INC') || 'INC';
}
