import type { CustomerPlan, Plan } from '@handoff/shared';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { AdminFormProps } from './adminProps.js';
import { FieldError, RefusalText } from './RefusalText.js';
import { TextField } from './TextField.js';
import { useAction } from './useAction.js';

/** Puts an organisation (as captured on incidents) on a plan, or moves it to another (`current` set); `children` follow its button. */
export function CustomerPlanForm({
  api,
  t,
  current,
  plans,
  onError,
  onSaved,
  children,
}: Omit<AdminFormProps, 'onSaved'> & {
  current: CustomerPlan | null;
  plans: Plan[];
  /** Gets how many open incidents got new due times. */
  onSaved: (recomputed: number) => void;
  children?: ComponentChildren;
}) {
  const [org, setOrg] = useState(current?.org ?? '');
  const [plan, setPlan] = useState(current?.plan ?? plans[0]?.id ?? '');
  const save = useAction(onError);
  return (
    <form
      class="inline-form"
      data-customer={current?.org ?? 'new'}
      onSubmit={(e) => {
        e.preventDefault();
        save.run(
          () => api.sla.customers.setPlan.mutate({ org: current?.org ?? org, plan }),
          ({ recomputed }) => {
            if (!current) setOrg('');
            onSaved(recomputed);
          },
        );
      }}
    >
      {!current && <TextField label={t('customerOrg')} name="org" value={org} onInput={setOrg} refusal={save.refusal} grow />}
      <label>
        {t('plan')}
        <select name="plan" value={plan} onChange={(e) => setPlan(e.currentTarget.value)}>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <FieldError refusal={save.refusal} path="plan" />
      </label>
      <button type="submit" disabled={save.busy}>
        {current ? t('changePlan') : t('assignPlan')}
      </button>
      {children}
      <RefusalText t={t} refusal={save.refusal} />
    </form>
  );
}
