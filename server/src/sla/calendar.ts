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

/** Local days kept per calendar (a few years' worth; a longer scan starts over). */
const MAX_CACHED_DAYS = 4000;

/** A local day: when it starts, the next one, and its open stretches as instants. */
interface LocalDay {
  start: number;
  end: number;
  next: DateTime;
  nextDate: string;
  open: [number, number][];
}

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
  /** Local days by date (YYYY-MM-DD); a calendar's definition never changes (an edit builds a new one). */
  private readonly days = new Map<string, LocalDay>();
  private lastDay: LocalDay | null = null;

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
    let day = this.dayAt(start);
    for (let i = 0; i < MAX_DAYS; i++, day = this.days.get(day.nextDate) ?? this.localDay(day.next)) {
      for (const [from, to] of day.open) {
        if (to <= start) continue;
        yield [Math.max(from, start), to];
      }
    }
  }

  /** The local day that `ms` falls on (the last one asked for is kept: due times cluster around now). */
  private dayAt(ms: number): LocalDay {
    const last = this.lastDay;
    if (last && ms >= last.start && ms < last.end) return last;
    this.lastDay = this.localDay(DateTime.fromMillis(ms, { zone: this.def.timeZone }).startOf('day'));
    return this.lastDay;
  }

  /**
   * One local day's open stretches, computed once: zoned date arithmetic is most of what a due
   * time costs, and every create computes several due times over the same few days.
   */
  private localDay(day: DateTime): LocalDay {
    const date = day.toISODate()!;
    const cached = this.days.get(date);
    if (cached) return cached;
    const next = day.plus({ days: 1 }).startOf('day');
    const open: [number, number][] = this.isClosedDate(date)
      ? []
      : [...this.def.hours[WEEKDAYS[day.weekday - 1]!]]
          .sort((x, y) => minutesOf(x.from) - minutesOf(y.from))
          .map((o) => [at(day, o.from), at(day, o.to)]);
    const built: LocalDay = { start: day.toMillis(), end: next.toMillis(), next, nextDate: next.toISODate()!, open };
    if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
    this.days.set(date, built);
    return built;
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
