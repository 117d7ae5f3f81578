import * as vscode from 'vscode';
import type { Status } from '@handoff/shared';

/** Localised status names (the server's ids are `in_progress`, `needs_info`, …). */
export function statusLabel(status: Status): string {
  switch (status) {
    case 'new':
      return vscode.l10n.t('New');
    case 'triaged':
      return vscode.l10n.t('Triaged');
    case 'in_progress':
      return vscode.l10n.t('In progress');
    case 'needs_info':
      return vscode.l10n.t('Needs info');
    case 'fixed':
      return vscode.l10n.t('Fixed');
    case 'verified':
      return vscode.l10n.t('Verified');
    case 'closed':
      return vscode.l10n.t('Closed');
    case 'not_reproducible':
      return vscode.l10n.t('Not reproducible');
    case 'duplicate':
      return vscode.l10n.t('Duplicate');
    case 'wont_fix':
      return vscode.l10n.t('Won’t fix');
  }
}
