import * as vscode from 'vscode';
import { type IncidentListItem, ReleaseSchema, type Release } from '@handoff/shared';
import {
  defaultPlannedDate,
  knownIssueProblem,
  MAX_KNOWN_ISSUE_LENGTH,
  MAX_KNOWN_ISSUES,
  MAX_VERSION_LENGTH,
  parseKnownIssues,
  plannedDateProblem,
  versionProblem,
  type InputProblem,
} from '../releases/releaseInput';
import { statusLabel } from '../incidents/labels';
import { mergeSummaries } from '../views/treeModel';
import type { CommandDeps } from './deps';
import { describeReleaseError } from './releaseErrors';

function problemText(problem: InputProblem | null, what: 'version' | 'date' | 'knownIssue'): string | null {
  switch (problem) {
    case null:
      return null;
    case 'empty':
      return what === 'version' ? vscode.l10n.t('Type the version, e.g. 4.3.0.') : vscode.l10n.t('Type the planned date as YYYY-MM-DD.');
    case 'tooLong':
      return vscode.l10n.t('At most {0} characters.', what === 'knownIssue' ? MAX_KNOWN_ISSUE_LENGTH : MAX_VERSION_LENGTH);
    case 'badVersion':
      return vscode.l10n.t('A version has letters, digits and . + _ - only, e.g. 4.3.0.');
    case 'badDate':
      return vscode.l10n.t('Type the date as YYYY-MM-DD, e.g. 2026-12-01.');
    case 'noSuchDate':
      return vscode.l10n.t('That day does not exist in the calendar.');
  }
}

/** My teams' incidents a release can fix: in progress or fixed, newest first. */
async function candidateIncidents(deps: CommandDeps): Promise<IncidentListItem[]> {
  const user = deps.session.user;
  if (!user) return [];
  const client = deps.session.client;
  const status = ['fixed', 'in_progress'] as const;
  const lists = await Promise.all([
    client.incidents.list.query({ owner: 'me', status: [...status], limit: 100 }),
    ...user.teams.map((team) => client.incidents.list.query({ team, status: [...status], limit: 100 })),
  ]);
  return mergeSummaries(...lists.map((l) => l.items));
}

/**
 * "Handoff: Create Release…": version → planned date → notes → the incidents it fixes (multi-select)
 * → known issues (one per box, an empty box finishes) → `releases.create`. Escape cancels at any step.
 * Returns the created release (tests use it).
 */
export function createRelease(deps: CommandDeps) {
  return async (): Promise<Release | undefined> => {
    const title = vscode.l10n.t('Create Release');
    const box = (step: number, options: vscode.InputBoxOptions) =>
      vscode.window.showInputBox({ title: `${title} (${step}/5)`, ignoreFocusOut: true, ...options });

    const version = (
      await box(1, {
        prompt: vscode.l10n.t('Version of the release'),
        placeHolder: '4.3.0',
        validateInput: (v) => problemText(versionProblem(v), 'version'),
      })
    )?.trim();
    if (!version) return undefined;
    const plannedDate = (
      await box(2, {
        prompt: vscode.l10n.t('Planned date (YYYY-MM-DD)'),
        value: defaultPlannedDate(new Date()),
        validateInput: (v) => problemText(plannedDateProblem(v), 'date'),
      })
    )?.trim();
    if (!plannedDate) return undefined;
    const notes = await box(3, {
      prompt: vscode.l10n.t('Release notes (optional)'),
      placeHolder: vscode.l10n.t('What changes for customers'),
    });
    if (notes === undefined) return undefined;

    let candidates: IncidentListItem[];
    try {
      candidates = await candidateIncidents(deps);
    } catch (err) {
      void vscode.window.showErrorMessage(describeReleaseError(err, version));
      return undefined;
    }
    type Pick = vscode.QuickPickItem & { reference: string };
    const items: Pick[] = candidates.map((i) => ({
      label: `${i.reference} ${i.title}`,
      description: [statusLabel(i.status), i.fixedInVersion ? vscode.l10n.t('fixed in {0}', i.fixedInVersion) : null]
        .filter(Boolean)
        .join(' · '),
      detail: i.owner?.name ?? vscode.l10n.t('unassigned'),
      picked: i.fixedInVersion === version,
      reference: i.reference,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: `${title} (4/5)`,
      placeHolder: items.length
        ? vscode.l10n.t('Incidents this release fixes (incidents marked fixed in {0} are added anyway)', version)
        : vscode.l10n.t('No incidents of your teams are in progress or fixed; press Enter to go on'),
      canPickMany: true,
      ignoreFocusOut: true,
      matchOnDescription: true,
    });
    if (!picked) return undefined;

    const knownIssues: string[] = [];
    while (knownIssues.length < MAX_KNOWN_ISSUES) {
      const line = await box(5, {
        prompt: knownIssues.length
          ? vscode.l10n.t('Known issue {0} (optional; leave empty and press Enter to create the release)', knownIssues.length + 1)
          : vscode.l10n.t('Known issue (optional; leave empty and press Enter to create the release)'),
        validateInput: (v) => problemText(knownIssueProblem(v), 'knownIssue'),
      });
      if (line === undefined) return undefined;
      const lines = parseKnownIssues(line);
      if (!lines.length) break;
      knownIssues.push(...lines.slice(0, MAX_KNOWN_ISSUES - knownIssues.length));
    }

    try {
      const created = ReleaseSchema.parse(
        await deps.session.client.releases.create.mutate({
          version,
          plannedDate,
          notes: notes.trim(),
          fixes: picked.map((p) => p.reference),
          knownIssues,
        }),
      );
      const fixes = created.items.filter((i) => i.kind === 'fix').length;
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Release {0} created with {1} fix(es), planned for {2}.', created.version, fixes, created.plannedDate),
      );
      await deps.releases.refresh();
      return created;
    } catch (err) {
      deps.log.warn(`Create release ${version} failed: ${String(err)}`);
      void vscode.window.showErrorMessage(describeReleaseError(err, version));
      return undefined;
    }
  };
}
