import { useRef, useState } from 'preact/hooks';
import type { Translate } from '../../i18n.js';
import { QuestionFields } from './QuestionFields.js';
import type { Refusal } from './refusal.js';
import { type DraftQuestion, moved } from './templateDraft.js';

/**
 * The questions in asking order. Drag a question by its handle to reorder (native HTML5 drag and
 * drop: Preact keeps owning the DOM), or use the move up/down buttons (keyboard and screen readers).
 */
export function QuestionList({
  t,
  questions,
  refusal,
  onChange,
}: {
  t: Translate;
  questions: DraftQuestion[];
  refusal: Refusal | null;
  onChange: (questions: DraftQuestion[]) => void;
}) {
  // A ref, not state: dragover fires before a state change would have re-rendered the handlers.
  const dragging = useRef<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const endDrag = () => {
    dragging.current = null;
    setOver(null);
  };
  const replace = (i: number, q: DraftQuestion) => onChange(questions.map((o, j) => (j === i ? q : o)));
  return (
    <ol class="question-list">
      {questions.map((q, i) => (
        <li
          key={q.key}
          data-question={q.id}
          class={over === i && dragging.current !== i ? 'drop-target' : undefined}
          onDragOver={(e) => {
            if (dragging.current === null) return;
            e.preventDefault();
            if (over !== i) setOver(i);
          }}
          onDrop={(e) => {
            e.preventDefault();
            if (dragging.current !== null) onChange(moved(questions, dragging.current, i));
            endDrag();
          }}
        >
          <div class="question-head">
            <span
              class="handle"
              draggable
              title={t('dragToReorder')}
              aria-hidden="true"
              onDragStart={(e) => {
                e.dataTransfer?.setData('text/plain', q.id);
                dragging.current = i;
              }}
              onDragEnd={endDrag}
            >
              ⠿
            </span>
            <strong>{t('questionNumber', { n: i + 1 })}</strong>
            <button
              type="button"
              class="secondary"
              disabled={i === 0}
              aria-label={t('moveUpNamed', { n: i + 1 })}
              onClick={() => onChange(moved(questions, i, i - 1))}
            >
              ↑ {t('moveUp')}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={i === questions.length - 1}
              aria-label={t('moveDownNamed', { n: i + 1 })}
              onClick={() => onChange(moved(questions, i, i + 1))}
            >
              ↓ {t('moveDown')}
            </button>
            <button type="button" class="secondary danger" onClick={() => onChange(questions.filter((_, j) => j !== i))}>
              {t('removeQuestion')}
            </button>
          </div>
          <QuestionFields
            t={t}
            question={q}
            index={i}
            earlier={questions.slice(0, i)}
            refusal={refusal}
            onChange={(nq) => replace(i, nq)}
          />
        </li>
      ))}
    </ol>
  );
}
