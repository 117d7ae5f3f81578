import type * as vscode from 'vscode';
import type { Session } from '../auth/session';
import type { CurrentIncident } from '../incidents/currentIncident';
import type { IncidentStore } from '../incidents/incidentStore';
import type { ReleaseStore } from '../releases/releaseStore';

/** What every command may use; built once in extension.ts. */
export interface CommandDeps {
  context: vscode.ExtensionContext;
  session: Session;
  store: IncidentStore;
  releases: ReleaseStore;
  /** The incident this workspace works on now (the view, the status bar). */
  current: CurrentIncident;
  log: vscode.LogOutputChannel;
  /** Opens (or reveals) the incident's panel; `requestedAt` (performance.now()) times reference → rendered. */
  openPanel(reference: string, requestedAt?: number): void;
  /** The focused incident panel's reference, else the current incident's. */
  activeReference(): string | undefined;
}
