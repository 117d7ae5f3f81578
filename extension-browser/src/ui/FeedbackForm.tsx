import { useState } from 'preact/hooks';
import { type ReleaseFeedback, ReleaseFeedbackInputSchema, type Verdict } from '@handoff/shared';
import type { Api } from '../api/client';
import { errorText } from '../api/errors';
import { maxLengthOf } from '../api/limits';
import { feedbackInput } from '../releases/review';
import { useT } from './i18nContext';
import { when } from './when';

const TEXT_MAX = maxLengthOf(ReleaseFeedbackInputSchema.shape.text);

/** Feedback already given (newest first) and a Ready / Concern form, for one item or (itemId null) the whole release. */
export function FeedbackForm(props: { api: Api; version: string; itemId: number | null; given: ReleaseFeedback[]; onDone: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const send = async (verdict: Verdict) => {
    const input = feedbackInput(props.version, props.itemId, verdict, text);
    if ('missing' in input) return setError(t(input.missing));
    setBusy(true);
    setError('');
    try {
      await props.api.releases.feedback.mutate(input);
      setText('');
      props.onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="feedback">
      {props.given.length > 0 && (
        <ul class="feedback-list">
          {props.given.map((f) => (
            <li key={f.id} class={f.verdict} data-verdict={f.verdict} data-reviewer={f.reviewer.id}>
              {f.verdict === 'ready' ? '✔' : '⚠'} <strong>{f.verdict === 'ready' ? t('verdictReady') : t('verdictConcern')}</strong>{' '}
              <span class="meta">{t('feedbackBy', f.reviewer.name, when(f.at))}</span>
              {f.text && <div class="feedback-text-given">{f.text}</div>}
            </li>
          ))}
        </ul>
      )}
      <textarea
        class="feedback-text"
        rows={2}
        maxLength={TEXT_MAX}
        placeholder={t('feedbackText')}
        aria-label={t('feedbackText')}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        disabled={busy}
      />
      <div class="row">
        <button type="button" class="verdict-ready" disabled={busy} onClick={() => void send('ready')}>
          ✔ {t('verdictReady')}
        </button>
        <button type="button" class="verdict-concern" disabled={busy} onClick={() => void send('concern')}>
          ⚠ {t('verdictConcern')}
        </button>
      </div>
      {error && <p class="error feedback-error">{error}</p>}
    </div>
  );
}
