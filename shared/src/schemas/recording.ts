import { z } from 'zod';
import { plainString, text } from './primitives.js';

/**
 * A recorded reproduction: Chrome DevTools Recorder JSON (the `UserFlow` of `@puppeteer/replay`),
 * so it imports into and exports from the Recorder as it is. Each step may carry a `handoff`
 * note the Recorder ignores: what the agent expected and saw, console messages and failed or
 * slow requests that happened at that step, and whether a value was masked before it left the browser.
 */

/** A selector in Recorder form: a CSS, `aria/…`, `text/…`, `xpath/…` or `pierce/…` string, or a chain through frames. */
export const RecorderSelectorSchema = z.union([plainString().max(1000), z.array(plainString().max(1000)).min(1).max(5)]);
const selectors = z.array(RecorderSelectorSchema).min(1, 'a step needs at least one selector').max(8);
const url = plainString().max(2000);

export const ConsoleNoteSchema = z.object({
  level: z.enum(['error', 'warning']),
  text: text(1000),
});
export type ConsoleNote = z.infer<typeof ConsoleNoteSchema>;

export const NetworkNoteSchema = z.object({
  method: text(16).min(1),
  url,
  /** HTTP status; 0 when the request failed without a response. */
  status: z.number().int().min(0).max(999),
  durationMs: z.number().int().min(0).max(3_600_000),
});
export type NetworkNote = z.infer<typeof NetworkNoteSchema>;

/** Why a typed value is not what was typed: it was masked in the browser before leaving it. */
export const MASK_KINDS = ['password', 'card', 'token', 'email', 'pattern'] as const;
export const MaskKindSchema = z.enum(MASK_KINDS);
export type MaskKind = z.infer<typeof MaskKindSchema>;

export const StepNoteSchema = z.object({
  /** The step where it went wrong; its expected result is what the generated test asserts. */
  failing: z.boolean().optional(),
  expected: text(2000).optional(),
  actual: text(2000).optional(),
  masked: MaskKindSchema.optional(),
  console: z.array(ConsoleNoteSchema).max(20).optional(),
  network: z.array(NetworkNoteSchema).max(20).optional(),
  /** Name of the incident attachment holding the screenshot taken at this step. */
  screenshot: text(200).optional(),
});
export type StepNote = z.infer<typeof StepNoteSchema>;

const base = {
  timeout: z.number().int().min(1).max(60_000).optional(),
  frame: z.array(z.number().int().min(0).max(100)).max(10).optional(),
  target: plainString().max(100).optional(),
  assertedEvents: z
    .array(z.object({ type: z.literal('navigation'), url: url.optional(), title: plainString().max(500).optional() }))
    .max(5)
    .optional(),
  handoff: StepNoteSchema.optional(),
};
const offsets = { offsetX: z.number().finite(), offsetY: z.number().finite() };
const clickExtras = {
  button: z.enum(['primary', 'auxiliary', 'secondary', 'back', 'forward']).optional(),
  deviceType: z.enum(['mouse', 'pen', 'touch']).optional(),
  duration: z.number().int().min(0).max(60_000).optional(),
};

export const RecorderStepSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('setViewport'),
    width: z.number().int().min(1).max(10_000),
    height: z.number().int().min(1).max(10_000),
    deviceScaleFactor: z.number().min(0.1).max(10),
    isMobile: z.boolean(),
    hasTouch: z.boolean(),
    isLandscape: z.boolean(),
    ...base,
  }),
  z.object({ type: z.literal('navigate'), url, ...base }),
  z.object({ type: z.literal('click'), selectors, ...offsets, ...clickExtras, ...base }),
  z.object({ type: z.literal('doubleClick'), selectors, ...offsets, ...clickExtras, ...base }),
  z.object({ type: z.literal('hover'), selectors, ...base }),
  z.object({ type: z.literal('change'), selectors, value: plainString().max(5000), ...base }),
  z.object({ type: z.literal('keyDown'), key: plainString().min(1).max(40), ...base }),
  z.object({ type: z.literal('keyUp'), key: plainString().min(1).max(40), ...base }),
  z.object({
    type: z.literal('scroll'),
    selectors: selectors.optional(),
    x: z.number().finite().optional(),
    y: z.number().finite().optional(),
    ...base,
  }),
  z.object({
    type: z.literal('waitForElement'),
    selectors,
    operator: z.enum(['>=', '==', '<=']).optional(),
    count: z.number().int().min(0).max(10_000).optional(),
    visible: z.boolean().optional(),
    ...base,
  }),
  z.object({ type: z.literal('waitForExpression'), expression: plainString().max(2000), ...base }),
]);
export type RecorderStep = z.infer<typeof RecorderStepSchema>;

/** A recording is at most this large as JSON (it travels with the incident's create request). */
export const MAX_RECORDING_BYTES = 200_000;
export const MAX_RECORDING_STEPS = 200;

export const RecordingSchema = z
  .object({
    title: text(200).min(1, 'title: name the recording (e.g. the incident title)'),
    timeout: z.number().int().min(1).max(60_000).optional(),
    selectorAttribute: plainString().max(100).optional(),
    steps: z
      .array(RecorderStepSchema)
      .min(1, 'steps: a recording needs at least one step')
      .max(MAX_RECORDING_STEPS, `steps: at most ${MAX_RECORDING_STEPS}; drop some in the review`),
  })
  .refine((r) => JSON.stringify(r).length <= MAX_RECORDING_BYTES, {
    message: `recording: at most ${MAX_RECORDING_BYTES / 1000} KB as JSON; drop steps or console notes in the review`,
  })
  .refine((r) => r.steps.filter((s) => s.handoff?.failing).length <= 1, {
    message: 'steps: mark at most one step as the failing one',
    path: ['steps'],
  });
export type Recording = z.infer<typeof RecordingSchema>;
