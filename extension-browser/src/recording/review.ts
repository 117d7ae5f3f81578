import { type AttachmentInput, type Recording, RecordingSchema, type RecorderStep, type Step, recordingToSteps } from '@handoff/shared';
import type { RecordingState } from './state';

/** What the agent decided while reviewing: steps dropped, which one failed, what was expected and seen there. */
export interface ReviewChoices {
  dropped: number[];
  failing: number | null;
  expected: string;
  actual: string;
}

/** The console errors and failed requests seen at a step, as the "actual" text the agent starts from. */
export function seenAt(step: RecorderStep | undefined): string {
  const h = step?.handoff;
  return [
    ...(h?.console ?? []).filter((c) => c.level === 'error').map((c) => c.text),
    ...(h?.network ?? []).filter((n) => n.status === 0 || n.status >= 400).map((n) => `${n.method} ${n.url} → ${n.status || 'failed'}`),
  ].join('\n');
}

/** The step that most likely failed: the first with a console error or failed request, else the last. */
export function likelyFailing(steps: RecorderStep[]): number | null {
  const i = steps.findIndex((s) => seenAt(s) !== '');
  return i >= 0 ? i : steps.length > 0 ? steps.length - 1 : null;
}

export type Attached = { ok: true; recording: Recording; steps: Step[]; screenshot: AttachmentInput | null } | { ok: false; error: string };

/**
 * The recording to store with the incident, the incident's steps made from it and the failing step's
 * screenshot (if one was taken), after the agent's review; or why it cannot be attached.
 */
export function attachRecording(state: RecordingState, choices: ReviewChoices): Attached {
  const kept: RecorderStep[] = [];
  let screenshot: AttachmentInput | null = null;
  state.steps.forEach((step, i) => {
    if (choices.dropped.includes(i)) return;
    if (i !== choices.failing) {
      const { failing: _f, expected: _e, actual: _a, ...rest } = step.handoff ?? {};
      kept.push(Object.keys(rest).length ? { ...step, handoff: rest } : ({ ...step, handoff: undefined } as RecorderStep));
      return;
    }
    const shot = state.shots[i];
    const name = `step-${kept.length + 1}.jpg`;
    if (shot) screenshot = { name, mediaType: 'image/jpeg', dataBase64: shot };
    kept.push({
      ...step,
      handoff: {
        ...step.handoff,
        failing: true,
        ...(choices.expected.trim() ? { expected: choices.expected.trim() } : {}),
        ...(choices.actual.trim() ? { actual: choices.actual.trim() } : {}),
        ...(shot ? { screenshot: name } : {}),
      },
    });
  });
  const parsed = RecordingSchema.safeParse({ title: state.title.trim() || 'Reproduction', steps: kept.map(withoutUndefined) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue?.path.join('.') || 'recording'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, recording: parsed.data, steps: recordingToSteps(parsed.data), screenshot };
}

function withoutUndefined(step: RecorderStep): RecorderStep {
  return JSON.parse(JSON.stringify(step)) as RecorderStep;
}
