import type { ConsoleNote, NetworkNote, RecorderStep } from '@handoff/shared';
import type { RecordingState } from './state';

const MAX_NOTES = 20;
const USER_ACTIONS = new Set(['click', 'doubleClick', 'keyDown', 'change']);

/** The state after the recorded tab finished loading `url`: a navigation the last action caused, or one of its own. */
export function withPageLoad(state: RecordingState, url: string): RecordingState {
  if (url === state.pageUrl) return state;
  const steps = [...state.steps];
  let i = steps.length - 1;
  while (i >= 0 && steps[i]?.type === 'keyUp') i -= 1;
  const last = steps[i];
  if (last && USER_ACTIONS.has(last.type)) {
    steps[i] = { ...last, assertedEvents: [{ type: 'navigation', url }] } as RecorderStep;
  } else {
    steps.push({ type: 'navigate', url });
  }
  return { ...state, steps, pageUrl: url };
}

/** A console message or request noted on the step during which it happened (the last one so far). */
export function withNote(state: RecordingState, note: { console: ConsoleNote } | { network: NetworkNote }): RecordingState {
  const steps = [...state.steps];
  const i = steps.length - 1;
  const step = steps[i];
  if (!step) return state;
  const h = step.handoff ?? {};
  const handoff =
    'console' in note
      ? { ...h, console: [...(h.console ?? []), note.console].slice(0, MAX_NOTES) }
      : { ...h, network: [...(h.network ?? []), note.network].slice(0, MAX_NOTES) };
  steps[i] = { ...step, handoff } as RecorderStep;
  return { ...state, steps };
}

/** Whether a note means something went wrong there (worth a screenshot). */
export function isFailure(note: { console: ConsoleNote } | { network: NetworkNote }): boolean {
  return 'console' in note ? note.console.level === 'error' : note.network.status === 0 || note.network.status >= 400;
}
