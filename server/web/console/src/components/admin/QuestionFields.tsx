import { QUESTION_KINDS } from '@handoff/shared';
import type { Translate } from '../../i18n.js';
import { ConditionFields } from './ConditionFields.js';
import type { Refusal } from './refusal.js';
import { FieldError } from './RefusalText.js';
import type { DraftQuestion } from './templateDraft.js';

/** One question's text, reason, kind, options, required flag and condition. */
export function QuestionFields({
  t,
  question: q,
  index,
  earlier,
  refusal,
  onChange,
}: {
  t: Translate;
  question: DraftQuestion;
  index: number;
  earlier: DraftQuestion[];
  refusal: Refusal | null;
  onChange: (q: DraftQuestion) => void;
}) {
  const path = (field: string) => `questions.${index}.${field}`;
  const set = (patch: Partial<DraftQuestion>) => onChange({ ...q, ...patch });
  return (
    <div class="question-fields">
      <div class="row">
        <label class="grow">
          {t('questionText')}
          <input name={`q${index}.text`} value={q.text} onInput={(e) => set({ text: e.currentTarget.value })} />
          <FieldError refusal={refusal} path={path('text')} />
        </label>
        <label>
          {t('questionId')}
          <input name={`q${index}.id`} value={q.id} size={16} onInput={(e) => set({ id: e.currentTarget.value })} />
          <FieldError refusal={refusal} path={path('id')} />
        </label>
      </div>
      <label class="grow">
        {t('questionWhy')}
        <input name={`q${index}.why`} value={q.why} onInput={(e) => set({ why: e.currentTarget.value })} />
        <FieldError refusal={refusal} path={path('why')} />
      </label>
      <div class="row">
        <label>
          {t('questionKind')}
          <select name={`q${index}.kind`} value={q.kind} onChange={(e) => set({ kind: e.currentTarget.value as DraftQuestion['kind'] })}>
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind_${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            name={`q${index}.required`}
            checked={q.required}
            onChange={(e) => set({ required: e.currentTarget.checked })}
          />
          {t('questionRequired')}
        </label>
        {q.kind === 'choice' && (
          <label class="grow">
            {t('questionOptions')}
            <textarea
              name={`q${index}.options`}
              rows={3}
              value={q.optionsText}
              onInput={(e) => set({ optionsText: e.currentTarget.value })}
            />
            <FieldError refusal={refusal} path={path('options')} />
          </label>
        )}
      </div>
      <ConditionFields t={t} question={q} earlier={earlier} index={index} refusal={refusal} onChange={(showIf) => set({ showIf })} />
    </div>
  );
}
