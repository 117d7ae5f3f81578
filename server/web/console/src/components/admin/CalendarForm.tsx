import { type Calendar, WEEKDAYS, type Weekday } from '@handoff/shared';
import { useState } from 'preact/hooks';
import { type CalendarDraft, calendarDraftOf, calendarInputOf } from './calendarDraft.js';
import { FieldError, RefusalText } from './RefusalText.js';
import { useAction } from './useAction.js';
import type { AdminFormProps } from './adminProps.js';

/** Creates or changes a business-hours calendar: opening hours per weekday in a time zone, holidays, closed days. */
export function CalendarForm({ api, t, calendar, onError, onSaved }: AdminFormProps & { calendar: Calendar | null }) {
  const [d, setD] = useState<CalendarDraft>(() => calendarDraftOf(calendar));
  const save = useAction(onError);
  const set = (patch: Partial<CalendarDraft>) => setD((o) => ({ ...o, ...patch }));
  const text = (key: 'id' | 'name' | 'timeZone' | 'holidayCountry' | 'holidayRegion' | 'closedDates', label: string, size = 12) => (
    <label>
      {label}
      <input
        name={key}
        size={size}
        value={d[key]}
        readOnly={key === 'id' && calendar !== null}
        onInput={(e) => set({ [key]: e.currentTarget.value })}
      />
      <FieldError refusal={save.refusal} path={key} within />
    </label>
  );
  const day = (w: Weekday) => (
    <label key={w}>
      {t(`day_${w}`)}
      <input
        name={`hours.${w}`}
        size={14}
        value={d.hours[w]}
        placeholder="09:00–17:00"
        onInput={(e) => set({ hours: { ...d.hours, [w]: e.currentTarget.value } })}
      />
      <FieldError refusal={save.refusal} path={`hours.${w}`} within />
    </label>
  );
  return (
    <form
      class="policy-form"
      data-testid="calendar-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.run(() => api.sla.calendars.upsert.mutate(calendarInputOf(d)), onSaved);
      }}
    >
      <div class="row">
        {text('id', t('policyId'))}
        {text('name', t('colName'), 30)}
        {text('timeZone', t('timeZone'), 18)}
        <label class="check">
          <input type="checkbox" name="alwaysOpen" checked={d.alwaysOpen} onChange={(e) => set({ alwaysOpen: e.currentTarget.checked })} />
          {t('alwaysOpen')}
        </label>
      </div>
      {!d.alwaysOpen && <div class="row">{WEEKDAYS.map(day)}</div>}
      <FieldError refusal={save.refusal} path="hours" />
      <div class="row">
        {text('holidayCountry', t('holidayCountry'), 4)}
        {text('holidayRegion', t('holidayRegion'), 4)}
        {text('closedDates', t('closedDates'), 30)}
        <button type="submit" disabled={save.busy}>
          {calendar ? t('saveCalendar') : t('createCalendar')}
        </button>
      </div>
      <RefusalText t={t} refusal={save.refusal} />
    </form>
  );
}
