import { useState } from 'preact/hooks';
import type { Incident } from '@handoff/shared';
import type { Api } from '../api/client';
import { errorText } from '../api/errors';
import { shippedIn } from '../loop/incidentLoop';
import { verifySteps, type VerifyChoice } from '../loop/verifyFix';
import { useT } from './i18nContext';
import { when } from './when';

/** "Fixed in X — verify with the customer": confirm, report it still fails, or close because the customer could not be reached. */
export function VerifyFix(props: { api: Api; incident: Incident; onDone: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const status = props.incident.status as 'fixed' | 'verified';
  const shipped = shippedIn(props.incident.timeline);
  const run = async (choice: VerifyChoice) => {
    const steps = verifySteps(props.incident.reference, choice, text, status);
    if ('missing' in steps) return setError(t(steps.missing));
    setBusy(true);
    setError('');
    try {
      for (const s of steps) await props.api.incidents.transition.mutate(s);
      setText('');
      props.onDone();
    } catch (e) {
      setError(errorText(e));
      props.onDone(); // a first step may have gone through (verified, then close refused): show the server's state
    } finally {
      setBusy(false);
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
      <button type="button" class="verify-confirm" disabled={busy} onClick={() => void run('confirmed')}>
        {t('verifyConfirmed')}
      </button>
      <label class="field">
        <span>{t('verifyTextLabel')}</span>
        <textarea class="verify-text" rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} disabled={busy} />
      </label>
      <div class="row">
        <button type="button" class="verify-still-fails" disabled={busy} onClick={() => void run('still_fails')}>
          {t('verifyStillFails')}
        </button>
        <button type="button" class="verify-unreachable" disabled={busy} onClick={() => void run('unreachable')}>
          {t('verifyUnreachable')}
        </button>
      </div>
      {error && <p class="error verify-error">{error}</p>}
    </div>
  );
}
