import { useState } from 'preact/hooks';
import { type IncidentChange, RelayInputSchema, type TimelineEntry } from '@handoff/shared';
import type { Api } from '../api/client';
import { errorText } from '../api/errors';
import { relayQuestion } from '../api/incidents';
import { maxLengthOf } from '../api/limits';
import { useT } from './i18nContext';

const RELAY_MAX = maxLengthOf(RelayInputSchema.shape.text.unwrap());

/**
 * "Ask the customer": the agent passes the developer's (internal) question on to the customer's
 * page, reworded if the developer's words are not for a customer. Already relayed: says so.
 */
export function RelayQuestion(props: {
  api: Api;
  reference: string;
  question: TimelineEntry;
  relayed: boolean;
  onDone: (change: IncidentChange) => void;
}) {
  const t = useT();
  const [text, setText] = useState(props.question.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (props.relayed) return <p class="relay-done">{t('relayDone')}</p>;
  const relay = async () => {
    setBusy(true);
    setError('');
    try {
      props.onDone(await relayQuestion(props.api, props.reference, props.question.id, text.trim()));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="relay-question">
      <summary>{t('relayTitle')}</summary>
      <label class="field">
        <span>{t('relayText')}</span>
        <textarea rows={3} maxLength={RELAY_MAX} value={text} onInput={(e) => setText(e.currentTarget.value)} disabled={busy} />
      </label>
      {error && <p class="error relay-error">{error}</p>}
      <button type="button" class="relay-send" disabled={busy || !text.trim()} onClick={() => void relay()}>
        {t('relaySend')}
      </button>
    </details>
  );
}
