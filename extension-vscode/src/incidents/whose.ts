import * as vscode from 'vscode';
import { check, type IncidentOutline, type IncidentView, type Me } from '@handoff/shared';
import { factsOfView, type IncidentAction } from './offer';

/**
 * The line an outline shows: whose incident it is (team, owner), that only its summary is visible
 * here, and whom to ask. Whole sentences per case, so each language can word them its own way.
 */
export function whoseLine(outline: Pick<IncidentOutline, 'reference' | 'team' | 'owner'>): string {
  const { reference, team, owner } = outline;
  const t = vscode.l10n.t;
  if (team && owner) {
    return t(
      '{0} belongs to team {1} and is owned by {2}. You see its summary only — ask its team or a lead.',
      reference,
      team,
      owner.name,
    );
  }
  if (team) return t('{0} belongs to team {1} and has no owner yet. You see its summary only — ask its team or a lead.', reference, team);
  if (owner) return t('{0} is not routed to a team yet and is owned by {1}. You see its summary only — ask a lead.', reference, owner.name);
  return t('{0} is not routed to a team yet and has no owner. You see its summary only — ask a lead.', reference);
}

/**
 * Why `me` may not take `action` on `view`, in words for them (the shared model's reason; on an
 * outline, whose incident it is), or null when they may.
 */
export function refusal(me: Me, view: IncidentView, action: IncidentAction): string | null {
  const decision = check(me, action, factsOfView(view), me);
  if (decision.ok) return null;
  return view.access === 'summary' ? whoseLine(view) : decision.reason;
}
