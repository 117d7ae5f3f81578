import { captureMaxLength } from '../api/limits';
import { moveStep, newStep, type DraftStep } from '../capture/formState';
import { useT } from './i18nContext';

/** Ordered steps to reproduce: add, reorder, remove; expected vs actual per step. */
export function StepsEditor(props: { steps: DraftStep[]; onChange: (s: DraftStep[]) => void }) {
  const t = useT();
  const { steps, onChange } = props;
  const patch = (i: number, p: Partial<DraftStep>) => onChange(steps.map((s, j) => (j === i ? { ...s, ...p } : s)));
  return (
    <fieldset class="steps">
      <legend>{t('stepsTitle')}</legend>
      <ol>
        {steps.map((s, i) => (
          <li key={s.id} class="step" data-step={i}>
            <textarea
              aria-label={t('stepAction', i + 1)}
              name={`steps.${i}.action`}
              maxLength={captureMaxLength(`steps.${i}.action`)}
              rows={2}
              value={s.action}
              placeholder={t('stepAction', i + 1)}
              onInput={(e) => patch(i, { action: e.currentTarget.value })}
            />
            <div class="row">
              <input
                aria-label={t('stepExpected')}
                placeholder={t('stepExpected')}
                name={`steps.${i}.expected`}
                maxLength={captureMaxLength(`steps.${i}.expected`)}
                value={s.expected}
                onInput={(e) => patch(i, { expected: e.currentTarget.value })}
              />
              <input
                aria-label={t('stepActual')}
                placeholder={t('stepActual')}
                name={`steps.${i}.actual`}
                maxLength={captureMaxLength(`steps.${i}.actual`)}
                value={s.actual}
                onInput={(e) => patch(i, { actual: e.currentTarget.value })}
              />
            </div>
            <div class="row tools">
              <button
                type="button"
                title={t('moveUp')}
                aria-label={t('moveUp')}
                disabled={i === 0}
                onClick={() => onChange(moveStep(steps, i, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                title={t('moveDown')}
                aria-label={t('moveDown')}
                disabled={i === steps.length - 1}
                onClick={() => onChange(moveStep(steps, i, 1))}
              >
                ↓
              </button>
              <button
                type="button"
                title={t('removeStep')}
                aria-label={t('removeStep')}
                onClick={() => onChange(steps.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" class="add-step" onClick={() => onChange([...steps, newStep()])}>
        {t('addStep')}
      </button>
    </fieldset>
  );
}
