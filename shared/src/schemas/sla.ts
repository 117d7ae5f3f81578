import { z } from 'zod';
import { SeveritySchema } from './incident.js';
import { text } from './primitives.js';
import { RefInputSchema } from './procedures.js';
import { SlugSchema } from './roles.js';

/** Weekdays as a calendar lists its opening hours (ISO order, Monday first). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clock = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day such as "09:00" (24:00 for midnight at the end)');
/** Minutes since midnight of "HH:MM". */
export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** One stretch of opening hours on a weekday, e.g. 09:00–12:30. */
export const OpeningSchema = z
  .object({ from: clock, to: clock })
  .refine((o) => minutesOf(o.from) < minutesOf(o.to), { message: 'from must be earlier than to (e.g. 09:00–17:00)', path: ['to'] });
export type Opening = z.infer<typeof OpeningSchema>;

/** Stretches of one day, sorted; overlapping or touching stretches are refused (merge them into one). */
const daySchema = z
  .array(OpeningSchema)
  .max(6)
  .superRefine((day, ctx) => {
    const sorted = [...day].sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
    for (let i = 1; i < sorted.length; i++) {
      if (minutesOf(sorted[i]!.from) <= minutesOf(sorted[i - 1]!.to)) {
        ctx.addIssue({
          code: 'custom',
          message: `${sorted[i - 1]!.from}–${sorted[i - 1]!.to} overlaps or touches ${sorted[i]!.from}–${sorted[i]!.to}; merge them into one stretch`,
          path: [day.indexOf(sorted[i]!)],
        });
      }
    }
  });

/** True when `zone` is an IANA time zone this runtime knows (e.g. "Europe/Berlin"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as "2026-12-24"')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'is not a real date',
  );

/**
 * A business-hours calendar (Zammad's model): opening hours per weekday in a time zone, closed
 * on the public holidays of a country (and region) and on extra dates. `alwaysOpen` is 24/7.
 */
export const CalendarInputSchema = z
  .object({
    id: SlugSchema,
    name: text(80).min(1, 'name must not be empty'),
    timeZone: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone such as "Europe/Berlin" or "America/New_York"'),
    alwaysOpen: z.boolean().default(false),
    hours: z
      .object(Object.fromEntries(WEEKDAYS.map((d) => [d, daySchema.default([])])) as Record<Weekday, z.ZodDefault<typeof daySchema>>)
      .default({
        mon: [],
        tue: [],
        wed: [],
        thu: [],
        fri: [],
        sat: [],
        sun: [],
      }),
    /** Public holidays of this country (ISO 3166 code, e.g. "DE"), optionally of one region ("BY"). */
    holidayCountry: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as "DE" or "US"')
      .optional(),
    holidayRegion: z
      .string()
      .regex(/^[A-Z0-9]{1,3}$/, 'must be a region code such as "BY" or "CA"')
      .optional(),
    /** Further closed days, e.g. the company's own ("2026-12-24"). */
    closedDates: z.array(isoDate).max(366).default([]),
  })
  .refine((c) => c.alwaysOpen || WEEKDAYS.some((d) => c.hours[d].length > 0), {
    message: 'a calendar needs opening hours on at least one weekday, or alwaysOpen: true for 24/7',
    path: ['hours'],
  })
  .refine((c) => c.holidayRegion === undefined || c.holidayCountry !== undefined, {
    message: 'holidayRegion needs holidayCountry too',
    path: ['holidayRegion'],
  });
export type CalendarInput = z.input<typeof CalendarInputSchema>;
export type Calendar = z.output<typeof CalendarInputSchema>;

/** A target in minutes of the calendar's business time: at least 1, at most a year. */
const minutes = (what: string) =>
  z
    .number({ message: `${what} must be a number of minutes` })
    .int(`${what} must be a whole number of minutes`)
    .min(1, `${what} must be at least 1 minute`)
    .max(525_600, `${what} must be at most 525600 minutes (a year)`);

/**
 * A service-level policy: targets for one severity (and optionally one customer plan), counted
 * in the business time of a calendar. `customerFacing` policies are contractual and shown to the
 * customer ("we aim to respond by …"); internal ones only to staff.
 */
export const PolicyInputSchema = z.object({
  id: SlugSchema,
  name: text(80).min(1, 'name must not be empty'),
  severity: SeveritySchema,
  /** Applies to customers on this plan; without one, to every customer without a plan-specific policy. */
  plan: SlugSchema.nullable().default(null),
  calendar: SlugSchema,
  firstResponseMinutes: minutes('firstResponseMinutes'),
  nextUpdateMinutes: minutes('nextUpdateMinutes').nullable().default(null),
  resolutionMinutes: minutes('resolutionMinutes'),
  /** Share of a target after which a warning is raised (default 80 %). */
  warnAtPercent: z.number().int().min(1, 'warnAtPercent must be 1–99').max(99, 'warnAtPercent must be 1–99').default(80),
  /** The clock stops while the incident waits on the customer (needs_info) and resumes when they answer. */
  pauseOnCustomer: z.boolean().default(true),
  customerFacing: z.boolean().default(false),
});
export type PolicyInput = z.input<typeof PolicyInputSchema>;
export type Policy = z.output<typeof PolicyInputSchema>;

/** A customer organisation's plan (e.g. "Example Ltd" → "premium"). */
export const CustomerPlanInputSchema = z.object({
  org: text(200).min(1, 'org must not be empty (the customer organisation as captured)'),
  plan: SlugSchema,
});
export type CustomerPlan = z.infer<typeof CustomerPlanInputSchema>;

/** `sla.customers.removePlan`: the organisation goes back to the policies for customers without a plan. */
export const CustomerPlanRemoveInputSchema = CustomerPlanInputSchema.pick({ org: true });

export const EscalateInputSchema = z.object({
  ref: RefInputSchema,
  reason: text(2000).min(3, 'say why it moves to another tier (at least 3 characters)'),
});

/** A customer plan (e.g. "premium"), named by policies and by customers' plans. */
export const PlanInputSchema = z.object({ id: SlugSchema, name: text(80).min(1, 'name must not be empty') });
export type Plan = z.infer<typeof PlanInputSchema>;
