import type { Calendar } from '@handoff/shared';
import { useState } from 'preact/hooks';
import { CalendarForm } from './CalendarForm.js';
import { Table } from './Table.js';
import type { Translate } from '../../i18n.js';
import type { AdminFormProps } from './adminProps.js';

const hoursOf = (c: Calendar, t: Translate) =>
  c.alwaysOpen
    ? t('alwaysOpen')
    : Object.entries(c.hours)
        .filter(([, day]) => day.length > 0)
        .map(([d, day]) => `${t(`day_${d as keyof Calendar['hours']}`)} ${day.map((o) => `${o.from}–${o.to}`).join(', ')}`)
        .join('; ');

/** The business-hours calendars policies count in, with a form to add or change one. */
export function CalendarsSection({ api, t, calendars, onError, onSaved }: AdminFormProps & { calendars: Calendar[] }) {
  const [editing, setEditing] = useState<Calendar | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <section>
      <h2>{t('calendars')}</h2>
      <Table
        label={t('calendars')}
        rows={calendars}
        keyOf={(c) => c.id}
        columns={[
          { label: t('colName'), cell: (c) => c.name },
          { label: t('timeZone'), cell: (c) => c.timeZone },
          { label: t('openingHours'), cell: (c) => hoursOf(c, t) },
          {
            label: '',
            cell: (c) => (
              <button type="button" class="secondary" onClick={() => setEditing(c)}>
                {t('edit')}
              </button>
            ),
          },
        ]}
      />
      {saved && (
        <p role="status" class="ok">
          {t('calendarSaved')}
        </p>
      )}
      <h3>{editing ? t('editCalendar', { name: editing.name }) : t('createCalendar')}</h3>
      <CalendarForm
        key={editing?.id ?? 'new'}
        api={api}
        t={t}
        calendar={editing}
        onError={onError}
        onSaved={() => {
          setSaved(true);
          setEditing(null);
          onSaved();
        }}
      />
    </section>
  );
}
