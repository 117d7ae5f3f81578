import { can, type Policy } from '@handoff/shared';
import { useState } from 'preact/hooks';
import { CalendarsSection } from '../components/admin/CalendarsSection.js';
import { PolicyForm } from '../components/admin/PolicyForm.js';
import { Table } from '../components/admin/Table.js';
import { useReloadable } from '../components/admin/useReloadable.js';
import { Status } from '../components/Status.js';
import type { ConsolePage, PageProps } from './page.js';

const load = (api: PageProps['api']) =>
  Promise.all([api.sla.policies.list.query(), api.sla.calendars.list.query(), api.sla.plans.list.query()]).then(
    ([policies, calendars, plans]) => ({ policies, calendars, plans }),
  );

/** Service-level policies (leads and admins): targets per severity and plan, in a calendar's business time. */
function SlaPolicies({ api, t, onError }: PageProps) {
  const [data, reload] = useReloadable(() => load(api), 'sla', onError);
  const [editing, setEditing] = useState<Policy | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const mins = (m: number | null) => (m === null ? '—' : t('minutes', { n: m }));
  return (
    <>
      <p>{t('slaIntro')}</p>
      {saved !== null && (
        <p role="status" class="ok">
          {t('policySaved', { n: saved })}
        </p>
      )}
      <Status t={t} loaded={data} empty={() => false}>
        {({ policies, calendars, plans }) => (
          <>
            <Table
              label={t('pageSla')}
              rows={policies}
              keyOf={(p) => p.id}
              columns={[
                { label: t('colName'), cell: (p) => p.name },
                { label: t('severity'), cell: (p) => t(`severity_${p.severity}`) },
                { label: t('plan'), cell: (p) => p.plan ?? t('everyPlan') },
                { label: t('calendar'), cell: (p) => calendars.find((c) => c.id === p.calendar)?.name ?? p.calendar },
                { label: t('firstResponseMinutes'), cell: (p) => mins(p.firstResponseMinutes), num: true },
                { label: t('nextUpdateMinutes'), cell: (p) => mins(p.nextUpdateMinutes), num: true },
                { label: t('resolutionMinutes'), cell: (p) => mins(p.resolutionMinutes), num: true },
                { label: t('customerFacing'), cell: (p) => (p.customerFacing ? t('yes') : t('no')) },
                {
                  label: '',
                  cell: (p) => (
                    <button type="button" class="secondary" onClick={() => setEditing(p)}>
                      {t('edit')}
                    </button>
                  ),
                },
              ]}
            />
            <h2>{editing ? t('editPolicy', { name: editing.name }) : t('createPolicy')}</h2>
            <PolicyForm
              key={editing?.id ?? 'new'}
              api={api}
              t={t}
              policy={editing}
              calendars={calendars}
              plans={plans}
              onError={onError}
              onSaved={(n) => {
                setSaved(n);
                setEditing(null);
                reload();
              }}
            />
            <CalendarsSection api={api} t={t} calendars={calendars} onError={onError} onSaved={reload} />
          </>
        )}
      </Status>
    </>
  );
}

export const slaPoliciesPage: ConsolePage = {
  id: 'sla',
  title: 'pageSla',
  admin: true,
  filtered: false,
  visible: (user) => can(user, 'sla.manage'),
  Component: SlaPolicies,
};
