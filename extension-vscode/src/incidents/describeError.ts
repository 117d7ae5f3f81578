import * as vscode from 'vscode';
import { classifyApiError, serverMessage } from '../api/errors';
import { NotSignedInError } from '../auth/session';
import { ActionRefusedError } from './actionRefusedError';

/**
 * A message a person can act on, for any error from loading or acting on an incident. A refusal
 * (403) is the shared model's reason, phrased for the person who tried, so it is shown as it is.
 */
export function describeError(err: unknown, reference: string): string {
  if (NotSignedInError.is(err)) return vscode.l10n.t('Sign in to Handoff first (command "Handoff: Sign In").');
  if (ActionRefusedError.is(err)) return err.message;
  switch (classifyApiError(err)) {
    case 'unreachable':
      return vscode.l10n.t('The Handoff server cannot be reached. Check the setting handoff.serverUrl and your network.');
    case 'unauthorized':
      return vscode.l10n.t('Your Handoff token is no longer valid. Run "Handoff: Sign In" again.');
    case 'notFound':
      return vscode.l10n.t('There is no incident {0}.', reference);
    default:
      return serverMessage(err);
  }
}
