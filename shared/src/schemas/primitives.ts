import { z } from 'zod';

/** Ids and incident numbers are 32-bit on every engine (PostgreSQL `integer`). */
export const MAX_ID = 2_147_483_647;
export const IdSchema = z.number().int().min(1, 'must be 1 or more').max(MAX_ID, `must be at most ${MAX_ID}`);

/**
 * C0 control characters other than tab, line feed and carriage return, and DEL. PostgreSQL
 * refuses NUL in text and none of them belong in what a person writes, so every text field
 * refuses them (the same input must be a 400 on both engines, never a 500 on one).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const NO_CONTROL_MESSAGE = 'must not contain control characters such as U+0000 (tab and line breaks are fine)';
export const hasControlCharacters = (s: string): boolean => CONTROL.test(s);

/** A string without control characters (untrimmed). */
export const plainString = () => z.string().refine((s) => !CONTROL.test(s), NO_CONTROL_MESSAGE);

/** Text a person writes: trimmed, at most `max` characters, no control characters. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), NO_CONTROL_MESSAGE);

/** Trimmed text that must not be empty; `what` names it in the message. */
export const requiredText = (max: number, what: string) => text(max).min(1, `${what} must not be empty`);

/** A persisted event id as a client echoes it back (decimal, within the id range). */
export const EventIdSchema = z
  .string()
  .regex(/^\d{1,10}$/, 'must be an event id the server sent (digits only)')
  .refine((s) => Number(s) <= MAX_ID, 'is not an event id the server sent');

/** Calls one batched request may carry (clients set their batch link's `maxItems` to it). */
export const MAX_BATCH_SIZE = 20;
