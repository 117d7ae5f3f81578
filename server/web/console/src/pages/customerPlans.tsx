import { can } from '@handoff/shared';
import { useState } from 'preact/hooks';
import { CustomerPlanForm } from '../components/admin/CustomerPlanForm.js';
import { PlanForm } from '../components/admin/PlanForm.js';
import { RemovePlanButton } from '../components/admin/RemovePlanButton.js';
import { Table } from '../components/admin/Table.js';
import { useReloadable } from '../components/admin/useReloadable.js';
import { Status } from '../components/Status.js';
import type { ConsolePage, PageProps } from './page.js';

const load = (api: PageProps['api']) =>
  Promise.all([api.sla.plans.list.query(), api.sla.customers.list.query()]).then(([plans, customers]) => ({ plans, customers }));

/** Customer plans and which organisation is on which (leads and admins); policies may set targets per plan. */
function CustomerPlans({ api, t, onError }: PageProps) {
  const [data, reload] = useReloadable(() => load(api), 'plans', onError);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => () => {
    setNotice(message);
    reload();
  };
  /** A customer's move: the open incidents whose due times moved with it. */
  const moved = (message: string) => (n: number) => done(`${message} ${t('dueTimesMoved', { n })}`)();
  return (
    <>
      <p>{t('plansIntro')}</p>
      {notice && (
        <p role="status" class="ok">
          {notice}
        </p>
      )}
      <Status t={t} loaded={data} empty={() => false}>
        {({ plans, customers }) => (
          <>
            <h2>{t('plans')}</h2>
            <Table
              label={t('plans')}
              rows={plans}
              keyOf={(p) => p.id}
              columns={[
                { label: t('planId'), cell: (p) => p.id },
                { label: t('colName'), cell: (p) => p.name },
                { label: t('colOrganisations'), cell: (p) => customers.filter((c) => c.plan === p.id).length, num: true },
                {
                  label: t('renamePlan'),
                  cell: (p) => <PlanForm api={api} t={t} plan={p} onError={onError} onSaved={done(t('planSaved', { name: p.id }))} />,
                },
              ]}
            />
            <h3>{t('createPlan')}</h3>
            <PlanForm api={api} t={t} plan={null} onError={onError} onSaved={done(t('planCreated'))} />
            <h2>{t('customersOnPlans')}</h2>
            {customers.length === 0 ? (
              <p>{t('noCustomerPlans')}</p>
            ) : (
              <Table
                label={t('customersOnPlans')}
                rows={customers}
                keyOf={(c) => c.org}
                columns={[
                  { label: t('colOrg'), cell: (c) => c.org },
                  { label: t('plan'), cell: (c) => plans.find((p) => p.id === c.plan)?.name ?? c.plan },
                  {
                    label: t('changePlan'),
                    cell: (c) => (
                      <CustomerPlanForm
                        key={`${c.org}:${c.plan}`}
                        api={api}
                        t={t}
                        current={c}
                        plans={plans}
                        onError={onError}
                        onSaved={moved(t('customerPlanSaved', { org: c.org }))}
                      >
                        <RemovePlanButton
                          api={api}
                          t={t}
                          org={c.org}
                          onError={onError}
                          onSaved={moved(t('customerPlanRemoved', { org: c.org }))}
                        />
                      </CustomerPlanForm>
                    ),
                  },
                ]}
              />
            )}
            <h3>{t('assignPlan')}</h3>
            {plans.length === 0 ? (
              <p>{t('noPlansYet')}</p>
            ) : (
              <CustomerPlanForm api={api} t={t} current={null} plans={plans} onError={onError} onSaved={moved(t('customerPlanAssigned'))} />
            )}
          </>
        )}
      </Status>
    </>
  );
}

export const customerPlansPage: ConsolePage = {
  id: 'plans',
  title: 'pagePlans',
  admin: true,
  filtered: false,
  visible: (user) => can(user, 'sla.manage'),
  Component: CustomerPlans,
};
