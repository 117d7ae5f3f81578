import type { Release } from '@handoff/shared';
import type { Api } from '../api/client';
import { feedbackOn, verdictCounts } from '../releases/review';
import { FeedbackForm } from './FeedbackForm';
import { useT } from './i18nContext';

/** One upcoming release: notes, planned date, fixes and known issues, each with its feedback. */
export function ReleaseCard(props: { api: Api; release: Release; onChanged: () => void }) {
  const t = useT();
  const r = props.release;
  const counts = verdictCounts(r);
  const fixes = r.items.filter((i) => i.kind === 'fix');
  const known = r.items.filter((i) => i.kind === 'known_issue');
  const form = (itemId: number | null) => (
    <FeedbackForm api={props.api} version={r.version} itemId={itemId} given={feedbackOn(r, itemId)} onDone={props.onChanged} />
  );
  return (
    <article class="release" data-version={r.version} data-status={r.status}>
      <h3>
        {r.version} <span class="meta">{t('plannedFor', r.plannedDate)}</span>
      </h3>
      <p class="meta summary">{t('feedbackSummary', counts.ready, counts.concern)}</p>
      {r.notes && <p class="release-notes">{r.notes}</p>}
      <h4>{t('fixItems')}</h4>
      {fixes.length === 0 && <p class="empty">{t('releaseNoFixes')}</p>}
      {fixes.map((i) => (
        <div key={i.id} class="release-item" data-item-id={i.id} data-kind="fix" data-ref={i.incident?.reference ?? ''}>
          <div>
            <strong>{i.incident?.reference}</strong> {i.incident?.title ?? i.text}
          </div>
          {i.incident && (
            <div class="meta">
              {t(`status_${i.incident.status}`)} · {t('affectedCustomers', i.incident.affectedCustomers)} · {i.incident.reporter.name}
            </div>
          )}
          {form(i.id)}
        </div>
      ))}
      {known.length > 0 && <h4>{t('knownIssues')}</h4>}
      {known.map((i) => (
        <div key={i.id} class="release-item" data-item-id={i.id} data-kind="known_issue">
          <div class="known-issue">{i.text}</div>
          {form(i.id)}
        </div>
      ))}
      <div class="release-overall">
        <h4>{t('overallFeedback')}</h4>
        {form(null)}
      </div>
    </article>
  );
}
