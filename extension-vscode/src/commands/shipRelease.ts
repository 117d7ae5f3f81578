import * as vscode from 'vscode';
import { ReleaseSchema, type Release } from '@handoff/shared';
import { concernCount } from '../releases/releaseModel';
import type { CommandDeps } from './deps';
import { describeReleaseError } from './releaseErrors';

/** The version a command was invoked for: a string, or a node of the Releases view. */
function versionFromArg(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg.trim()) return arg.trim();
  const release = (arg as { row?: { release?: { version?: unknown } } } | null)?.row?.release;
  return typeof release?.version === 'string' ? release.version : undefined;
}

/** "Handoff: Ship Release…": pick a planned release (or the one clicked), confirm, `releases.ship`. */
export function shipRelease(deps: CommandDeps) {
  return async (arg?: unknown): Promise<Release | undefined> => {
    let version = versionFromArg(arg);
    try {
      await deps.releases.refresh();
    } catch (err) {
      void vscode.window.showErrorMessage(describeReleaseError(err, version ?? ''));
      return undefined;
    }
    if (!version) {
      const planned = deps.releases.planned;
      if (!planned.length) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('There is no planned release to ship. Create one with "Handoff: Create Release…".'),
        );
        return undefined;
      }
      const pick = await vscode.window.showQuickPick(
        planned.map((r) => ({
          label: r.version,
          description: vscode.l10n.t('planned {0}', r.plannedDate),
          detail: [
            vscode.l10n.t('{0} fix(es)', r.items.filter((i) => i.kind === 'fix').length),
            concernCount(r) ? vscode.l10n.t('{0} concern(s)', concernCount(r)) : null,
          ]
            .filter(Boolean)
            .join(' · '),
        })),
        { title: vscode.l10n.t('Ship Release'), placeHolder: vscode.l10n.t('Which release shipped?'), ignoreFocusOut: true },
      );
      if (!pick) return undefined;
      version = pick.label;
    }
    const release = deps.releases.releases.find((r) => r.version === version);
    const concerns = release ? concernCount(release) : 0;
    const ship = vscode.l10n.t('Ship');
    const detail = concerns
      ? vscode.l10n.t(
          'L1 reviewers raised {0} concern(s) on this release. Each agent whose incident it fixes is told to verify with the customer.',
          concerns,
        )
      : vscode.l10n.t('Each agent whose incident it fixes is told to verify with the customer.');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Mark release {0} as shipped?', version),
      { modal: true, detail },
      ship,
    );
    if (answer !== ship) return undefined;
    try {
      const shipped = ReleaseSchema.parse(await deps.session.client.releases.ship.mutate({ version }));
      void vscode.window.showInformationMessage(vscode.l10n.t('Release {0} is shipped.', shipped.version));
      await deps.releases.refresh();
      return shipped;
    } catch (err) {
      deps.log.warn(`Ship release ${version} failed: ${String(err)}`);
      void vscode.window.showErrorMessage(describeReleaseError(err, version));
      return undefined;
    }
  };
}
