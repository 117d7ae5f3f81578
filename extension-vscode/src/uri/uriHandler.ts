import * as vscode from 'vscode';
import { refPrefix } from '../commands/prefix';
import { parseOpenUri } from './handoffUri';

/** Handles `vscode://handoff.handoff-vscode/open?ref=INC-1042` from browsers, chat and CRMs. */
export class HandoffUriHandler implements vscode.UriHandler {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  async handleUri(uri: vscode.Uri): Promise<void> {
    const parsed = parseOpenUri(uri.path, uri.query, refPrefix());
    this.log.info(`URI ${uri.toString(true)} → ${JSON.stringify(parsed)}`);
    if (parsed.ok) {
      await vscode.commands.executeCommand('handoff.openIncident', parsed.ref);
      return;
    }
    const message =
      parsed.problem === 'unknownPath'
        ? vscode.l10n.t('Handoff cannot open links to "{0}". Links look like …/open?ref=INC-1042.', parsed.given ?? '')
        : parsed.problem === 'missingRef'
          ? vscode.l10n.t('This Handoff link names no incident (…/open?ref=INC-1042).')
          : vscode.l10n.t('"{0}" in this Handoff link is not an incident reference.', parsed.given ?? '');
    void vscode.window.showErrorMessage(message);
  }
}
