import { useState } from 'preact/hooks';
import { TransitionInputSchema, type Incident, type IncidentChange } from '@handoff/shared';
import type { Api } from '../api/client';
import { errorText } from '../api/errors';
import { transition } from '../api/incidents';
import { maxLengthOf } from '../api/limits';
import { shippedIn } from '../loop/incidentLoop';
import { verifyOffers, verifySteps, type VerifyChoice } from '../loop/verifyFix';
import { useT } from './i18nContext';
import { useMe } from './useMe';
import { when } from './when';

// The text is either what still fails (reason) or why the customer could not be reached: the stricter limit holds.
const TEXT_MAX = Math.min(
  maxLengthOf(TransitionInputSchema.shape.reason) ?? Infinity,
  maxLengthOf(TransitionInputSchema.shape.unverifiedReason) ?? Infinity,
);

/** "Fixed in X — verify with the customer": confirm, report it still fails, or close because the customer could not be reached. */
export function VerifyFix(props: { api: Api; incident: Incident; onDone: (changes: IncidentChange[]) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const status = props.incident.status as 'fixed' | 'verified';
  const offers = verifyOffers(useMe(), { ...props.incident, status });
  const shipped = shippedIn(props.incident.timeline);
  const run = async (choice: VerifyChoice) => {
    const steps = verifySteps(props.incident.reference, choice, text, status);
    if ('missing' in steps) return setError(t(steps.missing));
    setBusy(true);
    setError('');
    // Each step's change is kept: when a later step is refused, the panel still shows what went through.
    const changes: IncidentChange[] = [];
    try {
      for (const s of steps) changes.push(await transition(props.api, s));
      setText('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      if (changes.length) props.onDone(changes);
    }
  };
  return (
    <div class="verify" data-status={status}>
      <p class="verify-title">
        <strong>{status === 'verified' ? t('verifiedCloseIt') : t('fixedVerify', props.incident.fixedInVersion ?? '?')}</strong>
      </p>
      {shipped && (
        <p class="shipped" data-version={shipped.version}>
          🚀 {t('shippedTellCustomer', shipped.version, when(shipped.at))}
        </p>
      )}
      {offers.confirmed && (
        <button type="button" class="verify-confirm" disabled={busy} onClick={() => void run('confirmed')}>
          {t('verifyConfirmed')}
        </button>
      )}
      {(offers.still_fails || offers.unreachable) && (
        <label class="field">
          <span>{t('verifyTextLabel')}</span>
          <textarea
            class="verify-text"
            rows={2}
            maxLength={TEXT_MAX}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            disabled={busy}
          />
        </label>
      )}
      <div class="row">
        {offers.still_fails && (
          <button type="button" class="verify-still-fails" disabled={busy} onClick={() => void run('still_fails')}>
            {t('verifyStillFails')}
          </button>
        )}
        {offers.unreachable && (
          <button type="button" class="verify-unreachable" disabled={busy} onClick={() => void run('unreachable')}>
            {t('verifyUnreachable')}
          </button>
        )}
      </div>
      {error && <p class="error verify-error">{error}</p>}
    </div>
  );
}
