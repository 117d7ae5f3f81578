import * as vscode from 'vscode';
import { parseReferenceInput } from '../refs/referenceInput';
import { describeError } from '../incidents/describeError';
import { classifyApiError } from '../api/errors';
import { NotSignedInError } from '../auth/session';
import type { CommandDeps } from './deps';
import { refPrefix } from './prefix';

/** Message for what the person typed, or null when it is a reference. */
export function referenceProblem(text: string, prefix: string): string | null {
  const parsed = parseReferenceInput(text, prefix);
  if (parsed.ok) return null;
  switch (parsed.problem) {
    case 'empty':
      return vscode.l10n.t('Type a reference such as {0}-1042.', prefix);
    case 'wrongPrefix':
      return vscode.l10n.t('References here start with {0}- (e.g. {0}-1042).', prefix);
    case 'malformed':
      return vscode.l10n.t(
        '"{0}" is not an incident reference. Type e.g. {1}-1042, {2} 1042 or 1042.',
        text.trim(),
        prefix,
        prefix.toLowerCase(),
      );
  }
}

/** "Handoff: Open Incident…": from an argument (links, views, URI) or a quick input box. */
export function openIncident(deps: CommandDeps) {
  return async (arg?: unknown): Promise<string | undefined> => {
    const prefix = refPrefix();
    let text = typeof arg === 'string' ? arg : undefined;
    if (text === undefined) {
      text = await vscode.window.showInputBox({
        title: vscode.l10n.t('Open Incident'),
        placeHolder: vscode.l10n.t('{0}-1042, {1} 1042 or 1042', prefix, prefix.toLowerCase()),
        // A focused incident panel (webview) can take focus back just after the palette closes;
        // the box must not vanish then — the person is about to type the reference.
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? referenceProblem(v, prefix) : null),
      });
      if (!text) return undefined;
    }
    const requestedAt = performance.now();
    const parsed = parseReferenceInput(text, prefix);
    if (!parsed.ok) {
      void vscode.window.showErrorMessage(referenceProblem(text, prefix) ?? '');
      return undefined;
    }
    try {
      await deps.store.get(parsed.ref); // a clear message for an unknown reference, before any panel opens
    } catch (err) {
      deps.log.warn(`Open ${parsed.ref} failed: ${String(err)}`);
      const signIn = vscode.l10n.t('Sign In');
      const problem = classifyApiError(err);
      const buttons = problem === 'unauthorized' || NotSignedInError.is(err) ? [signIn] : [];
      const choice = await vscode.window.showErrorMessage(describeError(err, parsed.ref), ...buttons);
      if (choice === signIn) await vscode.commands.executeCommand('handoff.signIn');
      return undefined;
    }
    deps.openPanel(parsed.ref, requestedAt);
    return parsed.ref;
  };
}
