import type { CaptureDraft, FieldErrors } from '../capture/formState';
import { Field, TextInput } from './fields';
import { useT } from './i18nContext';

/** Who the customer is: name, e-mail and organisation, pre-filled from the ticket page. */
export function CustomerFields(props: {
  customer: CaptureDraft['customer'];
  errors: FieldErrors;
  onChange: (c: CaptureDraft['customer']) => void;
}) {
  const t = useT();
  const { customer, errors } = props;
  return (
    <fieldset class="customer">
      <legend>{t('customerTitle')}</legend>
      <Field name="customer.name" label={t('field_customerName')} error={errors['customer.name']}>
        <TextInput name="customer.name" value={customer.name} onInput={(name) => props.onChange({ ...customer, name })} />
      </Field>
      <Field name="customer.email" label={t('field_customerEmail')} error={errors['customer.email']}>
        <TextInput name="customer.email" type="email" value={customer.email} onInput={(email) => props.onChange({ ...customer, email })} />
      </Field>
      <Field name="customer.org" label={t('field_customerOrg')} error={errors['customer.org']}>
        <TextInput name="customer.org" value={customer.org} onInput={(org) => props.onChange({ ...customer, org })} />
      </Field>
    </fieldset>
  );
}
