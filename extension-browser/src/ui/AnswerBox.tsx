import { useState } from 'preact/hooks';
import { AnswerInputSchema, type Incident, type IncidentChange, type TimelineEntry } from '@handoff/shared';
import type { Api } from '../api/client';
import { errorText } from '../api/errors';
import { sendAnswer } from '../api/incidents';
import { maxLengthOf } from '../api/limits';
import { useT } from './i18nContext';
import { when } from './when';

const ANSWER_MAX = maxLengthOf(AnswerInputSchema.shape.answer);

/** The developer's open question, who asked it and when, the way back to the CRM ticket, and the agent's answer. */
export function AnswerBox(props: {
  api: Api;
  incident: Incident;
  question: TimelineEntry | null;
  onDone: (change: IncidentChange) => void;
  onSent?: () => void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const crmUrl = props.incident.crm.url;
  const send = async () => {
    if (!text.trim()) return setError(t('answerNeedsText'));
    setBusy(true);
    setError('');
    try {
      const change = await sendAnswer(props.api, props.incident.reference, text.trim());
      setText('');
      props.onDone(change);
      props.onSent?.();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="answer-box">
      {props.question && (
        <div class="question">
          <div class="meta">{t('questionFrom', props.question.actor.name, when(props.question.at))}</div>
          <blockquote class="question-text">{props.question.text}</blockquote>
        </div>
      )}
      {crmUrl && (
        <a class="crm-link" href={crmUrl} target="_blank" rel="noopener noreferrer">
          {t('openCrmTicket', props.incident.crm.ticketId ?? props.incident.crm.system)}
        </a>
      )}
      <label class="field">
        <span>{t('yourAnswer')}</span>
        <textarea rows={3} maxLength={ANSWER_MAX} value={text} onInput={(e) => setText(e.currentTarget.value)} disabled={busy} />
      </label>
      {error && <p class="error answer-error">{error}</p>}
      <button type="button" class="answer-send" disabled={busy} onClick={() => void send()}>
        {t('sendAnswer')}
      </button>
    </div>
  );
}
