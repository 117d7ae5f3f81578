import * as vscode from 'vscode';
import { serverUrl } from '../auth/session';
import type { CommandDeps } from './deps';

/** "Handoff: Sign In": asks for a token, validates it, keeps it in SecretStorage. */
export function signIn(deps: CommandDeps) {
  return async (): Promise<boolean> => {
    const token = await vscode.window.showInputBox({
      title: vscode.l10n.t('Sign in to Handoff ({0})', serverUrl()),
      prompt: vscode.l10n.t('Paste your Handoff access token (an admin creates it with the server CLI).'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? null : vscode.l10n.t('The token is empty.')),
    });
    if (!token) return false;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the token with {0}…', serverUrl()) },
      () => deps.session.signIn(token),
    );
    if (result.ok) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to Handoff as {0} ({1}).', result.user.name, result.user.role));
      return true;
    }
    const settings = vscode.l10n.t('Open Settings');
    const retry = vscode.l10n.t('Try Again');
    let message: string;
    switch (result.problem) {
      case 'unreachable':
        message = vscode.l10n.t(
          'Cannot reach the Handoff server at {0}. Check the setting handoff.serverUrl and that the server is running.',
          result.detail,
        );
        break;
      case 'wrongToken':
        message = vscode.l10n.t(
          'The Handoff server at {0} does not accept this token. Copy it again, or ask an admin for a new one.',
          result.detail,
        );
        break;
      case 'wrongRole':
        message = vscode.l10n.t(
          'This token belongs to {0}. The VS Code extension needs a developer or lead account; the browser extension is for agents and reviewers.',
          result.detail,
        );
        break;
      default:
        message = vscode.l10n.t('Sign-in failed: {0}', result.detail);
    }
    deps.log.warn(`Sign-in failed (${result.problem}): ${result.detail}`);
    const choice = await vscode.window.showErrorMessage(message, retry, settings);
    if (choice === settings) await vscode.commands.executeCommand('workbench.action.openSettings', 'handoff.serverUrl');
    if (choice === retry) return (await vscode.commands.executeCommand<boolean>('handoff.signIn')) ?? false;
    return false;
  };
}
