import { type Template, visibleQuestions } from '@handoff/shared';
import { useT } from './i18nContext';
import { Field, TextArea, TextInput } from './fields';

/**
 * The category's questions, each with the reason we ask it, so agents see why and do not skip it.
 * A question with a condition appears once the answer it depends on matches.
 */
const YES_NO = ['yes', 'no'] as const;

export function Questions(props: {
  template: Template;
  answers: Record<string, string>;
  errors: Record<string, string>;
  onAnswer: (id: string, v: string) => void;
}) {
  const t = useT();
  return (
    <fieldset class="questions">
      <legend>{t('questionsTitle', props.template.label)}</legend>
      {props.template.escalateWhen && <p class="escalate-when">{t('escalateWhen', props.template.escalateWhen)}</p>}
      {visibleQuestions(props.template, props.answers).map((q) => {
        const name = `answers.${q.id}`;
        const value = props.answers[q.id] ?? '';
        const set = (v: string) => props.onAnswer(q.id, v);
        return (
          <Field key={q.id} name={name} label={`${q.text}${q.required ? ' *' : ''}`} error={props.errors[name]} hint={t('whyWeAsk', q.why)}>
            {q.kind === 'longtext' ? (
              <TextArea name={name} value={value} onInput={set} />
            ) : q.kind === 'yesno' || q.kind === 'choice' ? (
              <select id={`f-${name}`} name={name} value={value} onChange={(e) => set(e.currentTarget.value)}>
                <option value="">{t('choose')}</option>
                {/* Yes/no answers are stored as "yes"/"no" whatever the panel's language (conditions match on them). */}
                {(q.kind === 'yesno' ? YES_NO.map((v) => [v, t(v)] as const) : (q.options ?? []).map((o) => [o, o] as const)).map(
                  ([v, label]) => (
                    <option key={v} value={v}>
                      {label}
                    </option>
                  ),
                )}
              </select>
            ) : (
              <TextInput
                name={name}
                value={value}
                onInput={set}
                type={q.kind === 'number' ? 'number' : q.kind === 'url' ? 'url' : 'text'}
              />
            )}
          </Field>
        );
      })}
    </fieldset>
  );
}
