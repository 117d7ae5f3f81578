import { useEffect, useState } from 'preact/hooks';
import { applyIncidentChange, type IncidentChange, type IncidentView } from '@handoff/shared';
import { mayAnswer, mayShare } from '../access/offers';
import type { Api } from '../api/client';
import { errorText } from '../api/errors';
import { earlierEntries, incidentByRef } from '../api/incidents';
import type { EventPrefetch } from '../loop/eventPrefetch';
import { openQuestion, sentBack } from '../loop/incidentLoop';
import { keepEarlier, withEarlier } from '../loop/timelinePages';
import { AnswerBox } from './AnswerBox';
import { useT } from './i18nContext';
import { RelayQuestion } from './RelayQuestion';
import { Reproductions } from './Reproductions';
import { ShareBox } from './ShareBox';
import { Timeline } from './Timeline';
import { useMe } from './useMe';
import { VerifyFix } from './VerifyFix';
import { Whose } from './Whose';

/** One escalation in full, re-read whenever it changes on the server (`stamp` is its updatedAt). */
export function EscalationDetail(props: {
  api: Api;
  reference: string;
  stamp: string;
  /** Reads started at a live event: taken instead of starting another. */
  prefetch?: EventPrefetch<IncidentView>;
  onChanged: () => void;
  onAnswered?: () => void;
}) {
  const t = useT();
  const me = useMe();
  const [incident, setIncident] = useState<IncidentView | null>(null);
  const [error, setError] = useState('');
  const [answered, setAnswered] = useState(false);
  useEffect(() => {
    if (incident && props.stamp <= incident.updatedAt) return; // holds this state already (merged from our change)
    let alive = true;
    const read = () => incidentByRef(props.api, props.reference);
    (props.prefetch?.take(props.reference)?.catch(read) ?? read()).then(
      (i) => {
        if (!alive) return;
        setIncident((previous) => keepEarlier(previous, i));
        setError('');
      },
      (e: unknown) => alive && setError(errorText(e)),
    );
    return () => {
      alive = false;
    };
  }, [props.api, props.reference, props.stamp]);
  if (error) return <p class="error">{error}</p>;
  if (!incident) return <p class="loading">{t('loading')}</p>;
  if (incident.access === 'summary')
    return (
      <div class="escalation-detail" data-access="summary" data-status={incident.status}>
        <Whose incident={incident} />
      </div>
    );
  // What the panel changes itself (an answer, a verification) is merged from the server's reply, not read again.
  const merge = (changes: IncidentChange[]) => {
    setIncident((i) => (i?.access === 'full' ? changes.reduce(applyIncidentChange, i) : i));
    props.onChanged();
  };
  const loadEarlier = async () => {
    const oldest = incident.timeline[0];
    if (!oldest) return;
    const page = await earlierEntries(props.api, incident.reference, oldest.id);
    setIncident((i) => (i?.access === 'full' ? withEarlier(i, page) : i));
  };
  const canAnswer = (incident.status === 'needs_info' || incident.status === 'not_reproducible') && mayAnswer(me, incident);
  const question = openQuestion(incident);
  return (
    <div class="escalation-detail" data-status={incident.status}>
      {canAnswer && (question || sentBack(incident)) && (
        <AnswerBox
          api={props.api}
          incident={incident}
          question={question}
          onDone={(change) => merge([change])}
          onSent={() => {
            setAnswered(true);
            props.onAnswered?.();
          }}
        />
      )}
      {question && mayShare(me, incident) && (
        <RelayQuestion
          api={props.api}
          reference={incident.reference}
          question={question}
          relayed={incident.timeline.some((e) => e.data.relayedQuestion === question.id)}
          onDone={(change) => merge([change])}
        />
      )}
      {answered && !question && (
        <p class="answer-sent" role="status">
          {t('answerSent')}
        </p>
      )}
      {(incident.status === 'fixed' || incident.status === 'verified') && <VerifyFix api={props.api} incident={incident} onDone={merge} />}
      {mayShare(me, incident) && <ShareBox api={props.api} reference={incident.reference} />}
      <Reproductions incident={incident} />
      <Timeline entries={incident.timeline} attachments={incident.attachments} earlier={incident.earlierTimeline} onEarlier={loadEarlier} />
    </div>
  );
}
