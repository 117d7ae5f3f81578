import type { CaptureDraft } from '../capture/formState';
import { offersFor, withEnvironment, withSteps } from '../capture/offers';
import { useT } from './i18nContext';

/** One click to take the steps and environment the customer already wrote into the form (then editable). */
export function Offers(props: { draft: CaptureDraft; customerText: string; update: (p: Partial<CaptureDraft>) => void }) {
  const t = useT();
  const { draft, update } = props;
  const { steps, environment } = offersFor(draft, props.customerText);
  const env = [environment.browser, environment.os, environment.version].filter(Boolean).join(' · ');
  if (!steps.length && !env) return null;
  return (
    <div class="offers" role="status">
      {steps.length > 0 && (
        <div class="offer offer-steps">
          <span>{t('stepsOffered', steps.length)}</span>
          <ol>
            {steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          <button type="button" class="use-steps" onClick={() => update(withSteps(steps))}>
            {t('useAsSteps')}
          </button>
        </div>
      )}
      {env && (
        <div class="offer offer-env">
          <span>{t('envOffered', env)}</span>{' '}
          <button type="button" class="use-environment" onClick={() => update(withEnvironment(draft, environment))}>
            {t('useEnvironment')}
          </button>
        </div>
      )}
    </div>
  );
}
