import * as vscode from 'vscode';
import type { IncidentView, Me } from '@handoff/shared';
import type { CurrentIncident } from '../../incidents/currentIncident';
import type { IncidentStore } from '../../incidents/incidentStore';
import { NOTHING_OFFERED, offerFor } from '../../incidents/offer';
import { whoseLine } from '../../incidents/whose';
import { panelLabels } from './labels';
import type { ExtensionToPanel } from './protocol';

export interface PanelMessageDeps {
  store: IncidentStore;
  current: CurrentIncident;
  plannedVersions(): string[];
}

/**
 * What the webview renders for `view`: the whole incident with what `me` may do on it, or the
 * outline of another team's incident with the line saying whose it is.
 */
export async function panelMessage(view: IncidentView, me: Me | null, deps: PanelMessageDeps): Promise<ExtensionToPanel> {
  const offer = me ? offerFor(me, view) : NOTHING_OFFERED;
  if (view.access === 'summary') return { type: 'outline', outline: view, whose: whoseLine(view), offer, labels: panelLabels() };
  const asked = await deps.store.questionsFor(view);
  const labels = panelLabels();
  // Which version of the category's questions the agent was asked (question lists evolve).
  if (asked.version !== null) labels.answers = vscode.l10n.t('Questions and answers (version {0})', asked.version);
  return {
    type: 'incident',
    incident: view,
    offer,
    checkedSteps: deps.current.checked(view.reference),
    categoryLabel: asked.label,
    questions: asked.questions,
    labels,
    releaseVersions: deps.plannedVersions(),
    customerLinks: await deps.store.customerLinks(view.reference),
  };
}
