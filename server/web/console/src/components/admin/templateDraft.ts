import type { Question, Template, TemplateInput } from '@handoff/shared';

type QuestionKind = Question['kind'];

/** A question as the editor holds it: options and condition values as typed, a stable key for lists. */
export interface DraftQuestion {
  key: number;
  id: string;
  text: string;
  why: string;
  required: boolean;
  kind: QuestionKind;
  /** One option per line. */
  optionsText: string;
  /** The earlier question this one depends on ('' = always asked) and the answers that show it. */
  showIf: { question: string; equals: string[] };
}

export interface Draft {
  category: string;
  label: string;
  escalateWhen: string;
  questions: DraftQuestion[];
}

let nextKey = 1;
/** A choice question's options as typed, one per line. */
export const optionsOf = (d: Pick<DraftQuestion, 'optionsText'>): string[] =>
  d.optionsText
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function draftQuestion(q: Partial<Question> = {}): DraftQuestion {
  const equals = q.showIf?.equals;
  return {
    key: nextKey++,
    id: q.id ?? '',
    text: q.text ?? '',
    why: q.why ?? '',
    required: q.required ?? false,
    kind: q.kind ?? 'text',
    optionsText: (q.options ?? []).join('\n'),
    showIf: { question: q.showIf?.question ?? '', equals: equals === undefined ? [] : Array.isArray(equals) ? equals : [equals] },
  };
}

export function draftOf(t: Template): Draft {
  return { category: t.category, label: t.label, escalateWhen: t.escalateWhen ?? '', questions: t.questions.map(draftQuestion) };
}

/** A question id from its text: "Which browser?" → "which_browser". */
export function idFromText(text: string, taken: string[]): string {
  const base =
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 34)
      .replace(/_+$/, '') || 'question';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}_${n}`;
  return id;
}

function toQuestion(d: DraftQuestion): Question {
  const options = optionsOf(d);
  return {
    id: d.id.trim(),
    text: d.text,
    why: d.why,
    required: d.required,
    kind: d.kind,
    ...(d.kind === 'choice' ? { options } : {}),
    ...(d.showIf.question && d.showIf.equals.length > 0
      ? { showIf: { question: d.showIf.question, equals: d.showIf.equals.length === 1 ? d.showIf.equals[0]! : d.showIf.equals } }
      : {}),
  };
}

/** What `templates.upsert` gets: the draft as typed (the server says what is wrong, by field). */
export function inputOf(d: Draft): TemplateInput {
  return {
    category: d.category,
    label: d.label,
    questions: d.questions.map(toQuestion),
    ...(d.escalateWhen.trim() ? { escalateWhen: d.escalateWhen } : {}),
  };
}

/** The draft as the side panel would receive it, for the preview. */
export function previewOf(d: Draft, version: number): Template {
  return { ...inputOf(d), version, escalateWhen: d.escalateWhen.trim() || null };
}

/** `list` with the item at `from` moved to `to`. */
export function moved<T>(list: T[], from: number, to: number): T[] {
  if (from === to || to < 0 || to >= list.length) return list;
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}
