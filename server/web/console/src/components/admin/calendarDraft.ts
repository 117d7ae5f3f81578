import { commaList } from './adminProps.js';
import { type Calendar, type CalendarInput, WEEKDAYS, type Weekday } from '@handoff/shared';

/** A calendar as its form holds it: each weekday's hours as typed ("09:00–12:30, 13:30–17:00"). */
export interface CalendarDraft {
  id: string;
  name: string;
  timeZone: string;
  alwaysOpen: boolean;
  hours: Record<Weekday, string>;
  holidayCountry: string;
  holidayRegion: string;
  closedDates: string;
}

export function calendarDraftOf(c: Calendar | null): CalendarDraft {
  return {
    id: c?.id ?? '',
    name: c?.name ?? '',
    timeZone: c?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    alwaysOpen: c?.alwaysOpen ?? false,
    hours: Object.fromEntries(WEEKDAYS.map((d) => [d, (c?.hours[d] ?? []).map((o) => `${o.from}–${o.to}`).join(', ')])) as Record<
      Weekday,
      string
    >,
    holidayCountry: c?.holidayCountry ?? '',
    holidayRegion: c?.holidayRegion ?? '',
    closedDates: (c?.closedDates ?? []).join(', '),
  };
}

/** What `sla.calendars.upsert` gets; stretches are split at the dash and sent as typed (the server says what is wrong). */
export function calendarInputOf(d: CalendarDraft): CalendarInput {
  return {
    id: d.id.trim(),
    name: d.name,
    timeZone: d.timeZone.trim(),
    alwaysOpen: d.alwaysOpen,
    hours: Object.fromEntries(
      WEEKDAYS.map((day) => [
        day,
        commaList(d.hours[day]).map((stretch) => {
          const [from = '', to = ''] = stretch.split(/\s*[-–]\s*/);
          return { from, to };
        }),
      ]),
    ) as CalendarInput['hours'],
    ...(d.holidayCountry.trim() ? { holidayCountry: d.holidayCountry.trim().toUpperCase() } : {}),
    ...(d.holidayRegion.trim() ? { holidayRegion: d.holidayRegion.trim().toUpperCase() } : {}),
    closedDates: commaList(d.closedDates),
  };
}
