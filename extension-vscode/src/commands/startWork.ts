import * as vscode from 'vscode';
import { branchName } from '../git/branchName';
import { gitApi, type GitRepository } from '../git/gitApi';
import { describeError } from '../incidents/describeError';
import { refusal } from '../incidents/whose';
import { IncidentPanel } from '../webviews/incident/panel';
import type { CommandDeps } from './deps';
import { refPrefix } from './prefix';
import { refFromArg } from './refArg';

function pickRepository(repos: GitRepository[]): GitRepository | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active) {
    const match = repos.find((r) => active.fsPath.startsWith(r.rootUri.fsPath));
    if (match) return match;
  }
  return repos[0];
}

/** "Start Work": creates or checks out the incident's branch, then records it on the timeline. */
export function startWork(deps: CommandDeps) {
  return async (arg?: unknown): Promise<string | undefined> => {
    const ref = refFromArg(arg, refPrefix()) ?? deps.activeReference();
    if (!ref) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open an incident first, or run this from an incident in the Handoff views.'));
      return undefined;
    }
    const git = await gitApi();
    const repo = git && pickRepository(git.repositories);
    if (!repo) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('No git repository is open. Open the project folder, then run "Start Work" again.'),
      );
      return undefined;
    }
    try {
      const incident = await deps.store.get(ref, 10_000);
      const me = deps.session.user;
      const refused = me && refusal(me, incident, 'incident.recordBranch');
      if (refused) {
        void vscode.window.showWarningMessage(refused); // before any branch is made for it
        return undefined;
      }
      const name = branchName(incident.reference, incident.title);
      const exists = await repo.getBranch(name).then(
        () => true,
        () => false,
      );
      if (exists) await repo.checkout(name);
      else await repo.createBranch(name, true);
      IncidentPanel.applyChange(await deps.session.client.incidents.recordBranch.mutate({ ref, branch: name }));
      await deps.current.set(ref); // the incident one works on now
      void vscode.window.showInformationMessage(
        exists ? vscode.l10n.t('Checked out {0} for {1}.', name, ref) : vscode.l10n.t('Created branch {0} for {1}.', name, ref),
      );
      return name;
    } catch (err) {
      deps.log.error(`Start Work on ${ref} failed: ${String(err)}`);
      void vscode.window.showErrorMessage(describeError(err, ref));
      return undefined;
    }
  };
}
