import * as vscode from 'vscode';
import { NotSignedInError } from '../auth/session';
import { classifyApiError, serverMessage } from '../api/errors';

interface Coded {
  data?: { code?: unknown } | null;
}

/** A message for a refused release operation: an existing version, a role that may not, bad input. */
export function describeReleaseError(err: unknown, version: string): string {
  if (NotSignedInError.is(err)) return vscode.l10n.t('Sign in to Handoff first (command "Handoff: Sign In").');
  if ((err as Coded | null)?.data?.code === 'CONFLICT') return vscode.l10n.t('Release {0} exists already. Pick another version.', version);
  switch (classifyApiError(err)) {
    case 'unreachable':
      return vscode.l10n.t('The Handoff server cannot be reached. Check the setting handoff.serverUrl and your network.');
    case 'unauthorized':
      return vscode.l10n.t('Your Handoff token is no longer valid. Run "Handoff: Sign In" again.');
    case 'forbidden':
      return vscode.l10n.t('Only developers and leads manage releases: {0}', serverMessage(err));
    case 'notFound':
      return vscode.l10n.t('There is no release {0}.', version);
    default:
      return vscode.l10n.t('Release {0}: {1}', version, serverMessage(err));
  }
}
