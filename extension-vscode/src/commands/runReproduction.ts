import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { describeError } from '../incidents/describeError';
import { IncidentPanel } from '../webviews/incident/panel';
import type { ReproOutcome } from '../repro/playwrightReport';
import { specPath } from '../repro/reproPaths';
import { NoPlaywrightError, runPlaywright } from '../repro/runPlaywright';
import type { CommandDeps } from './deps';
import { reproFolder, reproRef } from './reproRef';

let output: vscode.OutputChannel | undefined;

/** The note a reproduction attempt records on the incident's timeline. */
export function outcomeNote(file: string, baseUrl: string, o: ReproOutcome): string {
  const where = `${file} against ${baseUrl || 'the recorded URL'}`;
  return o.passed
    ? `Playwright reproduction passes now (${where}).`
    : `Playwright reproduction still fails (${where}) at ${o.step ?? 'a step'}: ${o.message}`;
}

/**
 * "Run Reproduction": runs the incident's reproduction test with the workspace's `@playwright/test`
 * against the configured base URL, says whether it still fails (and where) or passes now, and offers
 * to record that on the incident as a reproduction attempt.
 */
export function runReproduction(deps: CommandDeps) {
  return async (arg?: unknown): Promise<ReproOutcome | undefined> => {
    const ref = await reproRef(deps, arg, vscode.l10n.t('Run Reproduction'));
    const folder = reproFolder();
    if (!ref || !folder) return undefined;
    const config = vscode.workspace.getConfiguration('handoff.repro', folder.uri);
    const file = specPath(folder.uri.fsPath, config.get<string>('testFolder', 'tests/repro'), ref);
    if (!existsSync(file)) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('There is no reproduction test for {0} yet. Run "Create Playwright Test from Reproduction" first.', ref),
      );
      return undefined;
    }
    const baseUrl = config.get<string>('baseUrl', '');
    output ??= vscode.window.createOutputChannel('Handoff Reproduction');
    output.appendLine(`▶ ${ref}: ${file}${baseUrl ? ` against ${baseUrl}` : ''}`);
    let outcome: ReproOutcome;
    try {
      outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Running the reproduction of {0}…', ref) },
        () =>
          runPlaywright({
            folder: folder.uri.fsPath,
            spec: file,
            baseUrl,
            chromium: config.get<string>('chromiumPath') || undefined,
            onOutput: (t) => output?.append(t),
          }),
      );
    } catch (err) {
      deps.log.error(`Running the reproduction of ${ref} failed: ${String(err)}`);
      void vscode.window.showErrorMessage(
        NoPlaywrightError.is(err)
          ? vscode.l10n.t(
              'This workspace has no @playwright/test. Install it (npm install -D @playwright/test), then run the reproduction again.',
            )
          : String((err as Error).message ?? err),
      );
      return undefined;
    }
    deps.log.info(`Reproduction of ${ref}: ${outcome.passed ? 'passes' : `fails at ${outcome.step}`}`);
    const record = vscode.l10n.t('Record on {0}', ref);
    const answer = outcome.passed
      ? await vscode.window.showInformationMessage(vscode.l10n.t('The reproduction of {0} passes now.', ref), record)
      : await vscode.window.showWarningMessage(
          vscode.l10n.t('The reproduction of {0} still fails at {1}: {2}', ref, outcome.step ?? '?', outcome.message),
          record,
        );
    if (answer !== record) return outcome;
    try {
      const notes = outcomeNote(vscode.workspace.asRelativePath(file), baseUrl, outcome).slice(0, 10_000);
      // "Still fails" is a reproduction; "passes now" is a note — as "could not reproduce" it would send the incident back to L1.
      const change = outcome.passed
        ? await deps.session.client.incidents.comment.mutate({ ref, text: notes })
        : await deps.session.client.incidents.reproduction.mutate({ ref, result: 'reproduced', notes });
      IncidentPanel.applyChange(change);
      void vscode.window.showInformationMessage(vscode.l10n.t('Recorded the reproduction attempt on {0}.', ref));
    } catch (err) {
      deps.log.error(`Recording the reproduction attempt on ${ref} failed: ${String(err)}`);
      void vscode.window.showErrorMessage(describeError(err, ref));
    }
    return outcome;
  };
}
