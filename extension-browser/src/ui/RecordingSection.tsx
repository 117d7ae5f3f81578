import { describeStep } from '@handoff/shared';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { originPattern } from '../crm/origins';
import type { RecorderMessage } from '../recording/messages';
import { type Attached, attachRecording, likelyFailing, seenAt } from '../recording/review';
import { loadRecording, onRecordingChanged, type RecordingState, saveRecording } from '../recording/state';
import { useT } from './i18nContext';

const LAST_URL = 'recorder.lastUrl';
const send = (m: RecorderMessage) => browser.runtime.sendMessage(m);

/**
 * "Record reproduction": the agent names the product's URL (the customer's instance, staging), grants
 * that site at that moment, reproduces in the tab that opens, stops, reviews the steps (drop any, say
 * which one failed and what was expected) and attaches them as the incident's steps.
 */
export function RecordingSection(props: { title: string; onAttach: (a: Extract<Attached, { ok: true }>) => void }) {
  const t = useT();
  const [state, setState] = useState<RecordingState | null>(null);
  const [url, setUrl] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    void loadRecording().then(setState);
    void browser.storage.local.get(LAST_URL).then((r) => setUrl(typeof r[LAST_URL] === 'string' ? r[LAST_URL] : ''));
    return onRecordingChanged(setState);
  }, []);

  const start = async () => {
    setError('');
    const origin = URL.canParse(url) ? originPattern(url) : null;
    if (!origin) return setError(t('recordUrlInvalid'));
    // Asked now, for this site only: the recorder reads nothing anywhere else.
    if (!(await browser.permissions.request({ origins: [origin] }))) return setError(t('recordNoPermission', origin));
    await browser.storage.local.set({ [LAST_URL]: url });
    await send({ type: 'recorder:start', url, title: props.title });
  };

  if (state?.status === 'recording') {
    return (
      <section class="recording" data-state="recording">
        <p class="recording-live">{t('recordingLive', state.steps.length)}</p>
        <ol class="recording-steps">
          {state.steps.map((s, i) => (
            <li key={i}>{describeStep(s) ?? s.type}</li>
          ))}
        </ol>
        <button type="button" class="record-stop" onClick={() => void send({ type: 'recorder:stop' })}>
          {t('recordStop')}
        </button>
      </section>
    );
  }
  if (state?.status === 'stopped') return <RecordingReview state={state} onAttach={props.onAttach} />;
  return (
    <section class="recording" data-state="idle">
      <label for="record-url">{t('recordUrl')}</label>
      <div class="row">
        <input
          id="record-url"
          type="url"
          placeholder="https://staging.example.com/"
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
        <button type="button" class="record-start" onClick={() => void start()}>
          {t('recordStart')}
        </button>
      </div>
      {error && (
        <small class="error" role="alert">
          {error}
        </small>
      )}
    </section>
  );
}

function RecordingReview(props: { state: RecordingState; onAttach: (a: Extract<Attached, { ok: true }>) => void }) {
  const t = useT();
  const { state } = props;
  const [dropped, setDropped] = useState<number[]>([]);
  const [failing, setFailing] = useState<number | null>(() => likelyFailing(state.steps));
  const [expected, setExpected] = useState('');
  const [actual, setActual] = useState(() => seenAt(state.steps[likelyFailing(state.steps) ?? -1]));
  const [error, setError] = useState('');
  const attach = async () => {
    const r = attachRecording(state, { dropped, failing, expected, actual });
    if (!r.ok) return setError(r.error);
    props.onAttach(r);
    await saveRecording(null);
  };
  return (
    <section class="recording" data-state="review">
      <p>{t('recordReview')}</p>
      <ol class="review-steps">
        {state.steps.map((s, i) => {
          const words = describeStep(s);
          if (!words || dropped.includes(i)) return null;
          const seen = seenAt(s);
          const shot = state.shots[i];
          return (
            <li key={i} class="review-step" data-index={i} data-failing={failing === i ? 'true' : undefined}>
              <span class="review-action">{words}</span>
              {seen && <pre class="review-seen">{seen}</pre>}
              {shot && <img class="review-shot" alt={t('recordShot')} src={`data:image/jpeg;base64,${shot}`} />}
              <div class="row">
                <label>
                  <input
                    type="radio"
                    name="failing-step"
                    class="review-failing"
                    checked={failing === i}
                    onChange={() => {
                      setFailing(i);
                      setActual(seen);
                    }}
                  />
                  {t('recordFailingStep')}
                </label>
                <button type="button" class="review-drop" aria-label={t('recordDrop', words)} onClick={() => setDropped([...dropped, i])}>
                  ✕
                </button>
              </div>
              {failing === i && (
                <div class="review-result">
                  <input
                    class="review-expected"
                    aria-label={t('stepExpected')}
                    placeholder={t('stepExpected')}
                    value={expected}
                    onInput={(e) => setExpected(e.currentTarget.value)}
                  />
                  <textarea
                    class="review-actual"
                    aria-label={t('stepActual')}
                    placeholder={t('stepActual')}
                    rows={2}
                    value={actual}
                    onInput={(e) => setActual(e.currentTarget.value)}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {error && (
        <small class="error" role="alert">
          {error}
        </small>
      )}
      <div class="row">
        <button type="button" class="record-attach" onClick={() => void attach()}>
          {t('recordAttach')}
        </button>
        <button type="button" class="record-discard" onClick={() => void saveRecording(null)}>
          {t('recordDiscard')}
        </button>
      </div>
    </section>
  );
}
