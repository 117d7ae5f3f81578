import type { AdminFormProps } from './adminProps.js';
import { RefusalText } from './RefusalText.js';
import { useAction } from './useAction.js';

/** Takes an organisation off its plan: it gets the policies for customers without a plan again. */
export function RemovePlanButton({
  api,
  t,
  org,
  onError,
  onSaved,
}: Omit<AdminFormProps, 'onSaved'> & { org: string; onSaved: (recomputed: number) => void }) {
  const remove = useAction(onError);
  return (
    <>
      <button
        type="button"
        class="secondary danger"
        disabled={remove.busy}
        onClick={() =>
          remove.run(
            () => api.sla.customers.removePlan.mutate({ org }),
            ({ recomputed }) => onSaved(recomputed),
          )
        }
      >
        {t('removePlan')}
      </button>
      <RefusalText t={t} refusal={remove.refusal} />
    </>
  );
}
