import { type Recording, RecordingSchema } from '../schemas/recording.js';

/**
 * Reads Chrome DevTools Recorder JSON (as the Recorder exports it, or as Handoff exported it) into a
 * recording; throws a ZodError naming the field when it is not one, or a SyntaxError for broken JSON.
 * Step types Handoff does not replay (`customStep`, `emulateNetworkConditions`, `close`) are dropped.
 */
export function parseRecorderJson(json: string): Recording {
  const raw = JSON.parse(json) as { steps?: unknown };
  const dropped = new Set(['customStep', 'emulateNetworkConditions', 'close']);
  const steps = Array.isArray(raw.steps)
    ? raw.steps.filter((s) => !(s && typeof s === 'object' && dropped.has((s as { type?: string }).type ?? '')))
    : raw.steps;
  return RecordingSchema.parse({ ...raw, steps });
}

/** Recorder JSON the Chrome DevTools Recorder imports as it is (Handoff's notes ride along in `handoff`, which it ignores). */
export function recordingToRecorderJson(recording: Recording): string {
  return `${JSON.stringify(recording, null, 2)}\n`;
}
