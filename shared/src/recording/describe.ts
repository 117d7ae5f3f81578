import type { Step } from '../schemas/incident.js';
import type { Recording, RecorderStep } from '../schemas/recording.js';
import { targetName } from './selectors.js';

/** Keys held while another is pressed (a shortcut): recorded as key-down … key-up around it. */
export const MODIFIER_KEYS: ReadonlySet<string> = new Set(['Control', 'Alt', 'Meta', 'Shift']);

const MASKED_AS = {
  password: 'a password',
  card: 'a card number',
  token: 'a token',
  email: 'an e-mail address',
  pattern: 'a masked value',
};

/** One step in plain words, as an incident's step reads: "Click “Pay now” (button)". Null for steps people do not take (key-ups, viewport). */
export function describeStep(step: RecorderStep): string | null {
  switch (step.type) {
    case 'navigate':
      return `Open ${step.url}`;
    case 'click':
      return `Click ${targetName(step)}`;
    case 'doubleClick':
      return `Double-click ${targetName(step)}`;
    case 'hover':
      return `Hover over ${targetName(step)}`;
    case 'change': {
      const masked = step.handoff?.masked;
      return masked ? `Enter ${MASKED_AS[masked]} in ${targetName(step)} (masked)` : `Enter “${step.value}” in ${targetName(step)}`;
    }
    case 'keyDown':
      return MODIFIER_KEYS.has(step.key) ? `Hold ${step.key}` : `Press ${step.key}`;
    case 'scroll':
      return step.selectors ? `Scroll ${targetName(step)}` : 'Scroll the page';
    case 'waitForElement':
      return `Wait for ${targetName(step)}`;
    case 'waitForExpression':
      return `Wait until ${step.expression}`;
    default:
      return null;
  }
}

/** At most this many steps go to an incident (its schema's limit); the recording keeps them all. */
export const MAX_INCIDENT_STEPS = 50;

/**
 * The incident's steps from a recording: one per step a person takes, with expected and actual
 * results; the failing step's actual result falls back to the console errors and failed requests
 * seen at it. Past {@link MAX_INCIDENT_STEPS} the remaining steps are folded into the last one.
 */
export function recordingToSteps(recording: Recording): Step[] {
  const steps: Step[] = [];
  for (const s of recording.steps) {
    const action = describeStep(s);
    if (!action) continue;
    const note = s.handoff;
    const seen = [
      ...(note?.console ?? []).map((c) => `console ${c.level}: ${c.text}`),
      ...(note?.network ?? [])
        .filter((n) => n.status === 0 || n.status >= 400)
        .map((n) => `${n.method} ${n.url} → ${n.status || 'failed'}`),
    ].join('\n');
    const actual = note?.actual ?? (note?.failing && seen ? seen : undefined);
    steps.push({
      action: action.slice(0, 2000),
      ...(note?.expected ? { expected: note.expected } : {}),
      ...(actual ? { actual: actual.slice(0, 2000) } : {}),
    });
  }
  if (steps.length <= MAX_INCIDENT_STEPS) return steps;
  const kept = steps.slice(0, MAX_INCIDENT_STEPS - 1);
  const rest = steps.slice(MAX_INCIDENT_STEPS - 1);
  const last = rest[rest.length - 1] as Step;
  kept.push({
    ...last,
    action: rest
      .map((r) => r.action)
      .join('\n')
      .slice(0, 2000),
  });
  return kept;
}
