import { type CalendarInput, CalendarInputSchema } from '@handoff/shared';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, knownHolidayCountry } from './calendar.js';

const HOUR = 3_600_000;
const nineToFive = [{ from: '09:00', to: '17:00' }];
const weekdays = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };
const cal = (input: Partial<CalendarInput>) =>
  new BusinessCalendar(CalendarInputSchema.parse({ id: 'c', name: 'C', timeZone: 'Europe/Berlin', hours: weekdays, ...input }));
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('business calendar', () => {
  it('skips the weekend: Friday 16:00 Berlin + 4 business hours is Monday 12:00', () => {
    // 2026-11-27 is a Friday; Berlin is UTC+1 in November.
    expect(iso(cal({}).add(t('2026-11-27T15:00:00Z'), 4 * HOUR))).toBe('2026-11-30T11:00:00.000Z');
  });

  it('counts only opening hours between two instants', () => {
    expect(cal({}).between(t('2026-11-27T15:00:00Z'), t('2026-11-30T09:00:00Z'))).toBe(2 * HOUR);
    expect(cal({}).between(t('2026-11-28T10:00:00Z'), t('2026-11-29T20:00:00Z'))).toBe(0);
  });

  it('starts counting at opening time when started before it', () => {
    expect(iso(cal({}).add(t('2026-11-30T05:00:00Z'), 30 * 60_000))).toBe('2026-11-30T08:30:00.000Z');
  });

  it('skips public holidays of the country and the closed dates', () => {
    // Wed 23 Dec 16:30 + 1 h: 30 min that day, 24 Dec closed by the company, 25 Dec Christmas
    // (public holiday in DE), 26/27 the weekend → Monday 28 Dec 09:30 Berlin.
    const c = cal({ holidayCountry: 'DE', closedDates: ['2026-12-24'] });
    expect(iso(c.add(t('2026-12-23T15:30:00Z'), HOUR))).toBe('2026-12-28T08:30:00.000Z');
    // Without the holidays it is Thursday 24 Dec 09:30.
    expect(iso(cal({}).add(t('2026-12-23T15:30:00Z'), HOUR))).toBe('2026-12-24T08:30:00.000Z');
  });

  it('uses regional holidays: Epiphany is a holiday in Bavaria, not in Berlin', () => {
    // Tue 5 Jan 2027 16:00 + 2 h: in Bavaria 6 Jan is closed → Thursday 7 Jan 10:00.
    const start = t('2027-01-05T15:00:00Z');
    expect(iso(cal({ holidayCountry: 'DE', holidayRegion: 'BY' }).add(start, 2 * HOUR))).toBe('2027-01-07T09:00:00.000Z');
    expect(iso(cal({ holidayCountry: 'DE', holidayRegion: 'BE' }).add(start, 2 * HOUR))).toBe('2027-01-06T09:00:00.000Z');
  });

  it('counts hours in the calendar’s own time zone', () => {
    const start = t('2026-11-30T13:30:00Z'); // 08:30 in New York, 22:30 in Tokyo
    expect(iso(cal({ timeZone: 'America/New_York' }).add(start, HOUR))).toBe('2026-11-30T15:00:00.000Z');
    expect(iso(cal({ timeZone: 'Asia/Tokyo' }).add(start, HOUR))).toBe('2026-12-01T01:00:00.000Z');
  });

  it('knows that the day clocks spring forward has 23 hours', () => {
    const sundays = cal({ hours: { sun: [{ from: '00:00', to: '24:00' }] } });
    const dayStart = t('2026-03-28T23:00:00Z'); // Sun 29 Mar 00:00 CET; at 02:00 clocks jump to 03:00 CEST
    expect(sundays.between(dayStart, t('2026-03-29T22:00:00Z'))).toBe(23 * HOUR);
    expect(iso(sundays.add(dayStart, 23 * HOUR))).toBe('2026-03-29T22:00:00.000Z');
    // One more hour rolls over to the next Sunday, 01:00 CEST.
    expect(iso(sundays.add(dayStart, 24 * HOUR))).toBe('2026-04-04T23:00:00.000Z');
  });

  it('keeps opening hours at local time across a daylight-saving change', () => {
    // Fri 6 Mar 2026 16:00 EST + 2 h: 1 h on Friday, clocks change on Sunday 8 Mar, Monday 09:00 is EDT (UTC-4).
    const ny = cal({ timeZone: 'America/New_York' });
    expect(iso(ny.add(t('2026-03-06T21:00:00Z'), 2 * HOUR))).toBe('2026-03-09T14:00:00.000Z');
  });

  it('counts a stretch that crosses the hour skipped by daylight saving as its real length', () => {
    const night = cal({ hours: { sun: [{ from: '01:00', to: '05:00' }] } });
    expect(night.between(t('2026-03-29T00:00:00Z'), t('2026-03-29T03:00:00Z'))).toBe(3 * HOUR);
  });

  it('answers as a fresh calendar does when one is asked many times, in any order (it remembers days)', () => {
    const def = { holidayCountry: 'DE', closedDates: ['2026-12-24'] };
    const shared = cal(def);
    // Across Christmas, the turn of the year and the spring DST change, later and earlier starts mixed.
    const starts = ['2027-03-26T16:30:00Z', '2026-12-23T15:30:00Z', '2027-03-29T06:00:00Z', '2026-12-31T12:00:00Z', '2026-12-23T15:31:00Z'];
    for (const start of starts) {
      for (const ms of [30 * 60_000, 4 * HOUR, 40 * HOUR]) {
        expect(iso(shared.add(t(start), ms))).toBe(iso(cal(def).add(t(start), ms)));
        expect(shared.between(t(start), t(start) + 10 * ms)).toBe(cal(def).between(t(start), t(start) + 10 * ms));
      }
    }
  });

  it('is plain elapsed time when always open (24/7)', () => {
    const always = cal({ alwaysOpen: true, hours: undefined, holidayCountry: 'DE' });
    expect(always.add(t('2026-12-25T00:00:00Z'), 90 * 60_000)).toBe(t('2026-12-25T01:30:00Z'));
    expect(always.between(t('2026-12-25T00:00:00Z'), t('2026-12-26T00:00:00Z'))).toBe(24 * HOUR);
  });

  it('knows which holiday countries and regions exist', () => {
    expect(knownHolidayCountry('DE', 'BY')).toBe(true);
    expect(knownHolidayCountry('DE', 'XX')).toBe(false);
    expect(knownHolidayCountry('ZZ')).toBe(false);
  });
});

describe('calendar input', () => {
  const issues = (input: Record<string, unknown>) => {
    const r = CalendarInputSchema.safeParse({ id: 'c', name: 'C', timeZone: 'Europe/Berlin', hours: weekdays, ...input });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('refuses overlapping stretches on one day, naming the day and stretch', () => {
    expect(
      issues({
        hours: {
          mon: [
            { from: '09:00', to: '13:00' },
            { from: '12:00', to: '17:00' },
          ],
        },
      }),
    ).toEqual(['hours.mon.1: 09:00–13:00 overlaps or touches 12:00–17:00; merge them into one stretch']);
  });

  it('refuses a stretch that ends before it starts, an unknown time zone, and a calendar never open', () => {
    expect(issues({ hours: { tue: [{ from: '17:00', to: '09:00' }] } })).toEqual([
      'hours.tue.0.to: from must be earlier than to (e.g. 09:00–17:00)',
    ]);
    expect(issues({ timeZone: 'Mars/Olympus' })[0]).toMatch(/^timeZone: must be an IANA time zone/);
    expect(issues({ hours: {} })).toEqual(['hours: a calendar needs opening hours on at least one weekday, or alwaysOpen: true for 24/7']);
    expect(issues({ closedDates: ['2026-02-30'] })).toEqual(['closedDates.0: is not a real date']);
  });
});
