import type { Plan } from '@handoff/shared';
import { useState } from 'preact/hooks';
import type { AdminFormProps } from './adminProps.js';
import { RefusalText } from './RefusalText.js';
import { TextField } from './TextField.js';
import { useAction } from './useAction.js';

/** Creates a customer plan (`plan` null) or renames one; its id is what policies and organisations name. */
export function PlanForm({ api, t, plan, onError, onSaved }: AdminFormProps & { plan: Plan | null }) {
  const [id, setId] = useState(plan?.id ?? '');
  const [name, setName] = useState(plan?.name ?? '');
  const save = useAction(onError);
  return (
    <form
      class="inline-form"
      data-plan={plan?.id ?? 'new'}
      onSubmit={(e) => {
        e.preventDefault();
        save.run(
          () => api.sla.plans.upsert.mutate({ id: plan?.id ?? id, name }),
          () => {
            if (!plan) {
              setId('');
              setName('');
            }
            onSaved();
          },
        );
      }}
    >
      {!plan && <TextField label={t('planId')} name="id" value={id} onInput={setId} refusal={save.refusal} />}
      <TextField label={t('colName')} name="name" value={name} onInput={setName} refusal={save.refusal} />
      <button type="submit" disabled={save.busy}>
        {plan ? t('savePlan') : t('createPlan')}
      </button>
      <RefusalText t={t} refusal={save.refusal} />
    </form>
  );
}
