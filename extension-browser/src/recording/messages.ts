import { ConsoleNoteSchema, NetworkNoteSchema, RecorderStepSchema } from '@handoff/shared';
import { z } from 'zod';

/** Runtime messages between the recorder, the panel and the background, declared once. */
export const RecorderMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('recorder:start'), url: z.string(), title: z.string() }),
  z.object({ type: z.literal('recorder:stop') }),
  z.object({ type: z.literal('recorder:step'), step: RecorderStepSchema }),
  z.object({ type: z.literal('recorder:console'), note: ConsoleNoteSchema }),
  z.object({ type: z.literal('recorder:network'), note: NetworkNoteSchema }),
  z.object({ type: z.literal('recorder:rules') }),
]);
export type RecorderMessage = z.infer<typeof RecorderMessageSchema>;
