import { useEffect, useState } from 'preact/hooks';
import { applyIncidentChange, type IncidentChange, type IncidentView } from '@handoff/shared';
import { mayAnswer } from '../access/offers';
import type { Api } from '../api/client';
import { errorText } from '../api/errors';
import { earlierEntries, incidentByRef } from '../api/incidents';
import { openQuestion, sentBack } from '../loop/incidentLoop';
import { keepEarlier, withEarlier } from '../loop/timelinePages';
import { AnswerBox } from './AnswerBox';
import { useT } from './i18nContext';
import { Reproductions } from './Reproductions';
import { Timeline } from './Timeline';
import { useMe } from './useMe';
import { VerifyFix } from './VerifyFix';
import { Whose } from './Whose';

/**
 * One escalation in full, read again when it changed on the server (`stamp` is its updatedAt in the list).
 * What the panel changes itself (an answer, a verification) is merged from the server's reply instead.
 */
export function EscalationDetail(props: { api: Api; reference: string; stamp: string; onChanged: (changes: IncidentChange[]) => void }) {
  const t = useT();
  const me = useMe();
  const [view, setView] = useState<IncidentView | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (view && props.stamp <= view.updatedAt) return; // already holds this state (merged from our own change)
    let alive = true;
    incidentByRef(props.api, props.reference).then(
      (fresh) => {
        if (!alive) return;
        setView((previous) => keepEarlier(previous, fresh));
        setError('');
      },
      (e: unknown) => alive && setError(errorText(e)),
    );
    return () => {
      alive = false;
    };
  }, [props.api, props.reference, props.stamp]);
  if (error) return <p class="error">{error}</p>;
  if (!view) return <p class="loading">{t('loading')}</p>;
  if (view.access === 'summary')
    return (
      <div class="escalation-detail" data-access="summary" data-status={view.status}>
        <Whose incident={view} />
      </div>
    );
  const incident = view;
  const merge = (changes: IncidentChange[]) => {
    setView((v) => (v?.access === 'full' ? changes.reduce(applyIncidentChange, v) : v));
    props.onChanged(changes);
  };
  const loadEarlier = async () => {
    const oldest = incident.timeline[0];
    if (!oldest) return;
    const page = await earlierEntries(props.api, incident.reference, oldest.id);
    setView((v) => (v?.access === 'full' ? withEarlier(v, page) : v));
  };
  const answerable = (incident.status === 'needs_info' || incident.status === 'not_reproducible') && mayAnswer(me, incident);
  const question = openQuestion(incident);
  return (
    <div class="escalation-detail" data-access="full" data-status={incident.status}>
      {answerable && (question || sentBack(incident)) && (
        <AnswerBox api={props.api} incident={incident} question={question} onDone={(change) => merge([change])} />
      )}
      {(incident.status === 'fixed' || incident.status === 'verified') && <VerifyFix api={props.api} incident={incident} onDone={merge} />}
      <Reproductions incident={incident} />
      <Timeline entries={incident.timeline} earlier={incident.earlierTimeline} onEarlier={loadEarlier} />
    </div>
  );
}
