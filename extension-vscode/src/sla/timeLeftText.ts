import * as vscode from 'vscode';
import { type SlaTargetKind, timeLeft } from '@handoff/shared';

/** "2 h 5 min left", "1 d 3 h overdue" in the editor's language. */
export function timeLeftText(dueAt: string, now: number): string {
  const t = timeLeft(dueAt, now);
  const span =
    t.days > 0
      ? vscode.l10n.t('{0} d {1} h', t.days, t.hours)
      : t.hours > 0
        ? vscode.l10n.t('{0} h {1} min', t.hours, t.minutes)
        : vscode.l10n.t('{0} min', t.minutes);
  return t.overdue ? vscode.l10n.t('{0} overdue', span) : vscode.l10n.t('{0} left', span);
}

export function targetLabel(kind: SlaTargetKind): string {
  switch (kind) {
    case 'first_response':
      return vscode.l10n.t('First response');
    case 'next_update':
      return vscode.l10n.t('Next update');
    case 'resolution':
      return vscode.l10n.t('Resolution');
  }
}
