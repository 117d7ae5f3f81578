import { type Calendar, minutesOf, WEEKDAYS } from '@handoff/shared';
import { createRequire } from 'node:module';
import type HolidaysType from 'date-holidays';
import { DateTime } from 'luxon';

// date-holidays carries every country's rules (~2 s to load on a busy machine): loaded on first use,
// so command-line tools and servers without holiday calendars start fast.
let holidaysClass: typeof HolidaysType | null = null;
function Holidays(): typeof HolidaysType {
  holidaysClass ??= createRequire(import.meta.url)('date-holidays') as typeof HolidaysType;
  return holidaysClass;
}

/** Days scanned before giving up on finding business time (a year-long target on a 5×8 calendar needs ~4.2 years). */
const MAX_DAYS = 366 * 20;

/** Country codes date-holidays knows (for a 400 that names the field). */
export function knownHolidayCountry(country: string, region?: string): boolean {
  const H = Holidays();
  const countries = new H().getCountries() as Record<string, string>;
  if (!(country in countries)) return false;
  if (region === undefined) return true;
  const regions = (new H().getStates(country) ?? {}) as Record<string, string>;
  return region in regions;
}

/**
 * Business time of one calendar: opening hours per weekday in its time zone, minus public
 * holidays and closed dates. Times are epoch milliseconds; local days and their hours come from
 * luxon, so daylight-saving days are as long (or short) as they really are.
 */
export class BusinessCalendar {
  private readonly holidaysByYear = new Map<number, Set<string>>();
  private readonly holidays: HolidaysType | null;

  constructor(readonly def: Calendar) {
    const opts = { types: ['public' as const] };
    const H = def.holidayCountry ? Holidays() : null;
    this.holidays =
      !H || !def.holidayCountry
        ? null
        : def.holidayRegion
          ? new H(def.holidayCountry, def.holidayRegion, opts)
          : new H(def.holidayCountry, opts);
  }

  /** The instant `ms` business milliseconds after `start`. */
  add(start: number, ms: number): number {
    if (ms <= 0) return start;
    if (this.def.alwaysOpen) return start + ms;
    let left = ms;
    for (const [from, to] of this.openings(start)) {
      if (to - from >= left) return from + left;
      left -= to - from;
    }
    throw new Error(`Calendar ${this.def.id} has no business time within ${MAX_DAYS} days of ${new Date(start).toISOString()}`);
  }

  /** Business milliseconds between `a` and `b` (0 when `b` is not after `a`). */
  between(a: number, b: number): number {
    if (b <= a) return 0;
    if (this.def.alwaysOpen) return b - a;
    let sum = 0;
    for (const [from, to] of this.openings(a)) {
      if (from >= b) break;
      sum += Math.min(to, b) - from;
    }
    return sum;
  }

  /** Whether the local date (YYYY-MM-DD) is a holiday or a closed date. */
  isClosedDate(date: string): boolean {
    if (this.def.closedDates.includes(date)) return true;
    if (!this.holidays) return false;
    const year = Number(date.slice(0, 4));
    let set = this.holidaysByYear.get(year);
    if (!set) {
      set = new Set(
        this.holidays
          .getHolidays(year)
          .filter((h) => h.type === 'public')
          .map((h) => h.date.slice(0, 10)),
      );
      this.holidaysByYear.set(year, set);
    }
    return set.has(date);
  }

  /** Open stretches [from, to) from `start` on, in order, clipped to begin no earlier than `start`. */
  private *openings(start: number): Generator<[number, number]> {
    const zone = this.def.timeZone;
    let day = DateTime.fromMillis(start, { zone }).startOf('day');
    for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 }).startOf('day')) {
      const date = day.toISODate()!;
      if (this.isClosedDate(date)) continue;
      const stretches = [...this.def.hours[WEEKDAYS[day.weekday - 1]!]].sort((x, y) => minutesOf(x.from) - minutesOf(y.from));
      for (const o of stretches) {
        const from = at(day, o.from);
        const to = at(day, o.to);
        if (to <= start) continue;
        yield [Math.max(from, start), to];
      }
    }
  }
}

/** The instant of local time `hhmm` on `day` (24:00 is the next midnight); a time skipped by DST moves forward. */
function at(day: DateTime, hhmm: string): number {
  const m = minutesOf(hhmm);
  if (m === 1440) return day.plus({ days: 1 }).startOf('day').toMillis();
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: Math.floor(m / 60), minute: m % 60 },
    { zone: day.zone },
  ).toMillis();
}
