import { z } from 'zod';
import { UserRefSchema } from './roles.js';
import { StatusSchema } from './status.js';
import { TimelineKindSchema } from './incident.js';

/**
 * A live change notice. `id` is the store's persisted, monotonically increasing event id
 * (a decimal string); clients resume after a disconnect by sending the last id they saw.
 */
export const IncidentEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  reference: z.string(),
  kind: TimelineKindSchema,
  text: z.string(),
  /** The timeline entry's structured details (e.g. `{ from, to, reason }` of a status change). */
  data: z.record(z.string(), z.unknown()),
  actor: UserRefSchema,
  title: z.string(),
  status: StatusSchema,
  team: z.string().nullable(),
  owner: UserRefSchema.nullable(),
  reporter: UserRefSchema,
});
export type IncidentEvent = z.infer<typeof IncidentEventSchema>;

/** What a subscriber asks for; every filter given must match (an empty object = all it may see). */
export const EventFilterSchema = z.object({
  team: z.string().optional(),
  mine: z.boolean().optional(),
  ref: z.string().optional(),
  lastEventId: z.string().regex(/^\d+$/).nullish(),
});
export type EventFilter = z.infer<typeof EventFilterSchema>;
