import type { CaptureDraft, FieldErrors } from '../capture/formState';
import { Field, TextArea } from './fields';
import { useT } from './i18nContext';

/** Optional details, folded unless they hold something (or an error): whether L1 reproduced it, and any workaround. */
export function MoreDetails(props: { draft: CaptureDraft; errors: FieldErrors; update: (patch: Partial<CaptureDraft>) => void }) {
  const t = useT();
  const { draft, errors, update } = props;
  return (
    <details class="more-details" open={Boolean(draft.workaround || draft.reproducedByAgent || errors.workaround)}>
      <summary>{t('moreDetails')}</summary>
      <label class="check">
        <input
          type="checkbox"
          name="reproducedByAgent"
          checked={draft.reproducedByAgent}
          onChange={(e) => update({ reproducedByAgent: e.currentTarget.checked })}
        />{' '}
        {t('reproduced')}
      </label>
      <Field name="workaround" label={t('workaround')} error={errors.workaround}>
        <TextArea name="workaround" rows={2} value={draft.workaround} onInput={(workaround) => update({ workaround })} />
      </Field>
    </details>
  );
}
