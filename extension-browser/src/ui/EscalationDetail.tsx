import { useEffect, useState } from 'preact/hooks';
import type { Incident } from '@handoff/shared';
import type { Api } from '../api/client';
import { errorText } from '../api/errors';
import { openQuestion, sentBack } from '../loop/incidentLoop';
import { AnswerBox } from './AnswerBox';
import { useT } from './i18nContext';
import { Reproductions } from './Reproductions';
import { Timeline } from './Timeline';
import { VerifyFix } from './VerifyFix';

/** One escalation in full, re-read whenever it changes on the server (`stamp` is its updatedAt). */
export function EscalationDetail(props: { api: Api; reference: string; stamp: string; onChanged: () => void }) {
  const t = useT();
  const [incident, setIncident] = useState<Incident | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let alive = true;
    props.api.incidents.byRef.query({ ref: props.reference }).then(
      (i) => {
        if (!alive) return;
        setIncident(i);
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
  const canAnswer = incident.status === 'needs_info' || incident.status === 'not_reproducible';
  const question = openQuestion(incident);
  return (
    <div class="escalation-detail" data-status={incident.status}>
      {canAnswer && (question || sentBack(incident)) && (
        <AnswerBox api={props.api} incident={incident} question={question} onDone={props.onChanged} />
      )}
      {(incident.status === 'fixed' || incident.status === 'verified') && (
        <VerifyFix api={props.api} incident={incident} onDone={props.onChanged} />
      )}
      <Reproductions incident={incident} />
      <Timeline entries={incident.timeline} />
    </div>
  );
}
