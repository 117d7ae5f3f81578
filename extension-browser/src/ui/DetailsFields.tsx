import { SEVERITIES } from '@handoff/shared';
import type { CaptureDraft, FieldErrors } from '../capture/formState';
import { Field, TextInput } from './fields';
import { useT } from './i18nContext';
import type { Catalog } from './serverData';

/** Product and version (suggested from the server), component with the team routing suggests, environment, severity. */
export function DetailsFields(props: {
  draft: CaptureDraft;
  errors: FieldErrors;
  catalog: Catalog;
  team: string | null;
  update: (p: Partial<CaptureDraft>) => void;
}) {
  const t = useT();
  const { draft, errors, catalog, team, update } = props;
  const product = catalog.find((p) => p.product === draft.product);
  return (
    <>
      <div class="row">
        <Field name="product" label={t('product')} error={errors.product}>
          <TextInput name="product" list="products" value={draft.product} onInput={(p) => update({ product: p })} />
        </Field>
        <Field name="version" label={t('version')} error={errors.version}>
          <TextInput name="version" list="versions" value={draft.version} onInput={(version) => update({ version })} />
        </Field>
      </div>
      <datalist id="products">
        {catalog.map((p) => (
          <option key={p.product} value={p.product} />
        ))}
      </datalist>
      <datalist id="versions">
        {(product?.versions ?? []).map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <datalist id="components">
        {(product?.components ?? []).map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <Field name="component" label={t('component')} error={errors.component} hint={team ? t('routedTo', team) : undefined}>
        <TextInput name="component" list="components" value={draft.component} onInput={(component) => update({ component })} />
      </Field>
      <fieldset class="environment">
        <legend>{t('environment')}</legend>
        <div class="row">
          <TextInput
            name="environment.os"
            placeholder={t('envOs')}
            value={draft.environment.os}
            onInput={(os) => update({ environment: { ...draft.environment, os } })}
          />
          <TextInput
            name="environment.browser"
            placeholder={t('envBrowser')}
            value={draft.environment.browser}
            onInput={(b) => update({ environment: { ...draft.environment, browser: b } })}
          />
        </div>
        <TextInput
          name="environment.config"
          placeholder={t('envConfig')}
          value={draft.environment.config}
          onInput={(config) => update({ environment: { ...draft.environment, config } })}
        />
      </fieldset>
      <Field name="severity" label={t('severity')} error={errors.severity}>
        <select
          id="f-severity"
          name="severity"
          value={draft.severity}
          onChange={(e) => update({ severity: e.currentTarget.value as CaptureDraft['severity'] })}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`severity_${s}`)}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
