import type * as vscode from 'vscode';
import type { Session } from '../auth/session';
import type { IncidentStore } from '../incidents/incidentStore';
import type { ReleaseStore } from '../releases/releaseStore';

/** What every command may use; built once in extension.ts. */
export interface CommandDeps {
  context: vscode.ExtensionContext;
  session: Session;
  store: IncidentStore;
  releases: ReleaseStore;
  log: vscode.LogOutputChannel;
  /** Opens (or reveals) the incident's panel; `requestedAt` (performance.now()) times reference → rendered. */
  openPanel(reference: string, requestedAt?: number): void;
  activeReference(): string | undefined;
}
