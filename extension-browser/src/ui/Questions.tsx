import type { Template } from '@handoff/shared';
import { useT } from './i18nContext';
import { Field, TextArea, TextInput } from './fields';

/** The category's questions, each with the reason we ask it, so agents see why and do not skip it. */
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
      {props.template.questions.map((q) => {
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
                {(q.kind === 'yesno' ? [t('yes'), t('no')] : (q.options ?? [])).map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
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
