import type { Translate } from '../../i18n.js';
import { commaList } from './adminProps.js';
import type { Refusal } from './refusal.js';
import { FieldError } from './RefusalText.js';
import { type DraftQuestion, optionsOf } from './templateDraft.js';

/**
 * "Ask only when …": offers only the questions above this one (a condition looks back), and the
 * answers that show it — the choices of a yes/no or choice question, free values otherwise.
 */
export function ConditionFields({
  t,
  question,
  earlier,
  index,
  refusal,
  onChange,
}: {
  t: Translate;
  question: DraftQuestion;
  earlier: DraftQuestion[];
  index: number;
  refusal: Refusal | null;
  onChange: (showIf: DraftQuestion['showIf']) => void;
}) {
  const on = question.showIf.question;
  const source = earlier.find((q) => q.id === on);
  const choices = source?.kind === 'yesno' ? ['yes', 'no'] : source?.kind === 'choice' ? optionsOf(source) : null;
  const toggle = (v: string, checked: boolean) =>
    onChange({ question: on, equals: checked ? [...question.showIf.equals, v] : question.showIf.equals.filter((e) => e !== v) });
  return (
    <div class="condition">
      <label>
        {t('askOnlyWhen')}
        <select name={`q${index}.showIf.question`} value={on} onChange={(e) => onChange({ question: e.currentTarget.value, equals: [] })}>
          <option value="">{t('alwaysAsk')}</option>
          {earlier
            .filter((q) => q.id.trim())
            .map((q) => (
              <option key={q.key} value={q.id}>
                {q.text || q.id}
              </option>
            ))}
          {on && !source && <option value={on}>{t('notAnEarlierQuestion', { id: on })}</option>}
        </select>
        <FieldError refusal={refusal} path={`questions.${index}.showIf.question`} />
      </label>
      {on &&
        (choices ? (
          <fieldset class="equals">
            <legend>{t('isAnsweredWith')}</legend>
            {choices.map((c) => (
              <label key={c} class="check">
                <input
                  type="checkbox"
                  name={`q${index}.showIf.equals`}
                  value={c}
                  checked={question.showIf.equals.includes(c)}
                  onChange={(e) => toggle(c, e.currentTarget.checked)}
                />
                {c}
              </label>
            ))}
          </fieldset>
        ) : (
          <label>
            {t('isAnsweredWithValues')}
            <input
              name={`q${index}.showIf.equals`}
              value={question.showIf.equals.join(', ')}
              onChange={(e) =>
                onChange({
                  question: on,
                  equals: commaList(e.currentTarget.value),
                })
              }
            />
          </label>
        ))}
      <FieldError refusal={refusal} path={`questions.${index}.showIf.equals`} />
    </div>
  );
}
