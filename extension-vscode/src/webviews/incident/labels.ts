import * as vscode from 'vscode';
import { STATUSES } from '@handoff/shared';
import { statusLabel } from '../../incidents/labels';

/** Localised strings the panel shows; sent with each incident so the webview needs no l10n code. */
export function panelLabels(): Record<string, string> {
  const t = vscode.l10n.t;
  const labels: Record<string, string> = {
    status: t('Status'), severity: t('Severity'), owner: t('Owner'), team: t('Team'), customers: t('Customers affected'),
    unassigned: t('unassigned'), customer: t('Customer'), crmTicket: t('CRM ticket'), product: t('Product'),
    version: t('Version'), component: t('Component'), environment: t('Environment'), category: t('Category'),
    answers: t('Questions and answers'), noAnswer: t('(no answer)'), description: t('Description'),
    steps: t('Steps to reproduce'), expected: t('Expected'), actual: t('Actual'), noSteps: t('No steps were given.'),
    reproducedByAgent: t('L1 reproduced it'), workaround: t('Workaround'), attachments: t('Screenshots and files'),
    timeline: t('Timeline'), actions: t('Actions'), assignToMe: t('Assign to me'), changeStatus: t('Change status'),
    apply: t('Apply'), reason: t('Reason (optional)'), ask: t('Ask L1 a question'), askButton: t('Ask'),
    comment: t('Comment'), commentButton: t('Add comment'), reproduction: t('Reproduction attempt'),
    reproduced: t('Reproduced'), notReproduced: t('Could not reproduce'), notes: t('Notes'),
    reproEnvironment: t('Environment used (optional)'), record: t('Record'), duplicate: t('Link as duplicate of'),
    link: t('Link'), fixedIn: t('Mark fixed in version'), markFixed: t('Mark fixed'), openStepsBeside: t('Open Steps Beside'),
    startWork: t('Start Work'), refresh: t('Refresh'), working: t('Working…'), done: t('Done.'),
    duplicateOf: t('Duplicate of'), fixedInVersion: t('Fixed in'), noTransitions: t('No status change is possible from here.'),
    loadAttachment: t('Show'),
    plannedReleases: t('Planned releases: {0}'), reproEnvironmentHint: t('key=value, one per line (os=macOS 15)'),
    'kind.created': t('created'), 'kind.updated': t('updated'), 'kind.status_changed': t('status changed'),
    'kind.assigned': t('assigned'), 'kind.comment': t('comment'), 'kind.question': t('question to L1'),
    'kind.answer': t('answer from L1'), 'kind.reproduction': t('reproduction'), 'kind.duplicate_linked': t('linked as duplicate'),
    'kind.duplicate_added': t('duplicate added'), 'kind.branch': t('branch'), 'kind.released': t('released'),
    'kind.verified': t('verified with the customer'), reproducedResult: t('Reproduced'), notReproducedResult: t('Could not reproduce'),
  };
  for (const s of STATUSES) labels[`status.${s}`] = statusLabel(s);
  return labels;
}
