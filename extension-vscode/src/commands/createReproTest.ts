import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { recordingToPlaywright } from '@handoff/shared';
import * as vscode from 'vscode';
import { describeError } from '../incidents/describeError';
import { specPath } from '../repro/reproPaths';
import type { CommandDeps } from './deps';
import { reproFolder, reproRef } from './reproRef';

/**
 * "Create Playwright Test from Reproduction": the incident's recorded reproduction as
 * `tests/repro/INC-1042.spec.ts` (folder configurable) in the workspace, opened beside the code.
 */
export function createReproTest(deps: CommandDeps) {
  return async (arg?: unknown): Promise<string | undefined> => {
    const ref = await reproRef(deps, arg, vscode.l10n.t('Create Playwright Test from Reproduction'));
    if (!ref) return undefined;
    const folder = reproFolder();
    if (!folder) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Open the product’s project folder first: the test is written into it.'));
      return undefined;
    }
    try {
      const recording = await deps.session.client.incidents.recording.query({ ref });
      if (!recording) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('{0} has no recorded reproduction. L1 records one with "Record reproduction" in the browser side panel.', ref),
        );
        return undefined;
      }
      const config = vscode.workspace.getConfiguration('handoff.repro', folder.uri);
      const file = specPath(folder.uri.fsPath, config.get<string>('testFolder', 'tests/repro'), ref);
      const spec = await recordingToPlaywright(recording, { baseUrl: config.get<string>('baseUrl') || undefined });
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, spec, 'utf8');
      deps.log.info(`Wrote the reproduction test of ${ref} to ${file}`);
      await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: vscode.ViewColumn.Beside, preview: false });
      return file;
    } catch (err) {
      deps.log.error(`Creating the reproduction test of ${ref} failed: ${String(err)}`);
      void vscode.window.showErrorMessage(err instanceof RangeError ? err.message : describeError(err, ref));
      return undefined;
    }
  };
}
