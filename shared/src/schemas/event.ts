import { z } from 'zod';
import { TimelineKindSchema } from './incident.js';
import { EventIdSchema } from './primitives.js';
import { RefInputSchema } from './procedures.js';
import { SlugSchema, UserRefSchema } from './roles.js';
import { EntryVisibilitySchema } from './entryVisibility.js';
import { StatusSchema } from './status.js';

const eventBase = {
  /**
   * The store's persisted, increasing event id (decimal); clients resume after it. It is the id
   * of the timeline entry the event announces (`TimelineEntry.id`), so a client that already
   * holds that entry (from the answer to its own change) can tell the event is its echo.
   */
  id: z.string(),
  at: z.string(),
  reference: z.string(),
  kind: TimelineKindSchema,
  title: z.string(),
  status: StatusSchema,
  team: z.string().nullable(),
  owner: UserRefSchema.nullable(),
};

/** A live change to an incident the subscriber sees in full. */
export const FullIncidentEventSchema = z.object({
  ...eventBase,
  access: z.literal('full'),
  text: z.string(),
  /** The timeline entry's structured details (e.g. `{ from, to, reason }` of a status change). */
  data: z.record(z.string(), z.unknown()),
  actor: UserRefSchema,
  reporter: UserRefSchema,
  visibility: EntryVisibilitySchema.default('internal'),
});

/** A change to another team's incident the subscriber follows by reference: what changed, not what was written. */
export const SummaryIncidentEventSchema = z.object({ ...eventBase, access: z.literal('summary') });

/**
 * A live change notice, as much of it as the subscriber may see (the same rules as
 * `incidents.byRef`); also when replayed after a last event id.
 */
export const IncidentEventSchema = z.discriminatedUnion('access', [FullIncidentEventSchema, SummaryIncidentEventSchema]);
export type IncidentEvent = z.infer<typeof IncidentEventSchema>;
export type FullIncidentEvent = z.infer<typeof FullIncidentEventSchema>;
export type SummaryIncidentEvent = z.infer<typeof SummaryIncidentEventSchema>;

/**
 * What a subscriber asks for; every filter given must match. Without `ref`, the events of
 * incidents the subscriber sees in full; with `ref`, that incident's (in summary if it is
 * another team's).
 */
export const EventFilterSchema = z.object({
  team: SlugSchema.optional(),
  mine: z.boolean().optional(),
  ref: RefInputSchema.optional(),
  lastEventId: EventIdSchema.nullish(),
});
export type EventFilter = z.infer<typeof EventFilterSchema>;
