import type { Template } from '@handoff/shared';
import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../../api.js';
import type { Language, Translate } from '../../i18n.js';
import { PanelPreview } from './PanelPreview.js';
import { QuestionList } from './QuestionList.js';
import { FieldError, RefusalText } from './RefusalText.js';
import { type Draft, draftOf, draftQuestion, idFromText, inputOf, previewOf } from './templateDraft.js';
import { useAction } from './useAction.js';
import { TextField } from './TextField.js';

/** Edits the latest version of a category's questions; saving creates the next version. */
export function TemplateEditor({
  api,
  t,
  lang,
  template,
  suggestion,
  onSuggestionTaken,
  onError,
  onSaved,
}: {
  api: Api;
  t: Translate;
  lang: Language;
  template: Template;
  /** A question text to add (from the suggestions); `onSuggestionTaken` says it was added. */
  suggestion: string | null;
  onSuggestionTaken: () => void;
  onError: (err: unknown) => void;
  onSaved: (saved: Template) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(template));
  const save = useAction(onError);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const addQuestion = (text = '') =>
    setDraft((d) => ({
      ...d,
      questions: [
        ...d.questions,
        draftQuestion({
          text,
          id: text
            ? idFromText(
                text,
                d.questions.map((q) => q.id),
              )
            : '',
        }),
      ],
    }));
  useEffect(() => {
    if (suggestion === null) return;
    addQuestion(suggestion);
    onSuggestionTaken();
  }, [suggestion]);
  return (
    <div class="editor-grid">
      <form
        class="template-editor"
        onSubmit={(e) => {
          e.preventDefault();
          save.run(() => api.templates.upsert.mutate(inputOf(draft)), onSaved);
        }}
      >
        <div class="row">
          <TextField
            label={t('templateLabel')}
            name="label"
            value={draft.label}
            onInput={(v) => set({ label: v })}
            refusal={save.refusal}
            grow
          />
        </div>
        <TextField
          label={t('escalateWhenLabel')}
          name="escalateWhen"
          value={draft.escalateWhen}
          onInput={(v) => set({ escalateWhen: v })}
          refusal={save.refusal}
          grow
        />
        <QuestionList t={t} questions={draft.questions} refusal={save.refusal} onChange={(questions) => set({ questions })} />
        <FieldError refusal={save.refusal} path="questions" />
        <div class="actions">
          <button type="button" class="secondary" onClick={() => addQuestion()}>
            {t('addQuestion')}
          </button>
          <button type="submit" disabled={save.busy}>
            {t('saveNewVersion', { n: template.version + 1 })}
          </button>
        </div>
        <RefusalText t={t} refusal={save.refusal} />
      </form>
      <PanelPreview t={t} lang={lang} template={previewOf(draft, template.version + 1)} />
    </div>
  );
}
