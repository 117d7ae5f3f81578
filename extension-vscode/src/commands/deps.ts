import type * as vscode from 'vscode';
import type { Session } from '../auth/session';
import type { IncidentStore } from '../incidents/incidentStore';

/** What every command may use; built once in extension.ts. */
export interface CommandDeps {
  context: vscode.ExtensionContext;
  session: Session;
  store: IncidentStore;
  log: vscode.LogOutputChannel;
  openPanel(reference: string): void;
  activeReference(): string | undefined;
}
