import { z } from 'zod';

/**
 * Who sees a timeline entry: `internal` (staff only — the default for anything a person writes)
 * or `customer` (also on the incident's shared page, its live stream and its feed).
 */
export const ENTRY_VISIBILITIES = ['internal', 'customer'] as const;
export const EntryVisibilitySchema = z.enum(ENTRY_VISIBILITIES);
export type EntryVisibility = z.infer<typeof EntryVisibilitySchema>;
