import type { CaptureDraft } from '../capture/formState';
import type { Attached } from './review';

const MAX_ATTACHMENTS = 5;

/** The draft with a reviewed recording attached: its steps replace the typed ones; the failing step's screenshot is added while there is room. */
export function withRecording(draft: CaptureDraft, a: Extract<Attached, { ok: true }>): Partial<CaptureDraft> {
  return {
    recording: a.recording,
    reproducedByAgent: true,
    steps: a.steps.map((s) => ({ id: crypto.randomUUID(), action: s.action, expected: s.expected ?? '', actual: s.actual ?? '' })),
    attachments: a.screenshot && draft.attachments.length < MAX_ATTACHMENTS ? [...draft.attachments, a.screenshot] : draft.attachments,
  };
}
