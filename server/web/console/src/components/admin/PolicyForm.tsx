import { type Policy, type PolicyInput, SEVERITIES } from '@handoff/shared';
import { useState } from 'preact/hooks';
import type { Api } from '../../api.js';
import type { Translate } from '../../i18n.js';
import { FieldError, RefusalText } from './RefusalText.js';
import { useAction } from './useAction.js';
import { TextField } from './TextField.js';

const NEW_POLICY: Policy = {
  id: '',
  name: '',
  severity: 'high',
  plan: null,
  calendar: '',
  firstResponseMinutes: 60,
  nextUpdateMinutes: null,
  resolutionMinutes: 480,
  warnAtPercent: 80,
  pauseOnCustomer: true,
  customerFacing: false,
};

/** Creates or changes a service-level policy; the server recomputes the due times of open incidents it covers. */
export function PolicyForm({
  api,
  t,
  policy,
  calendars,
  plans,
  onError,
  onSaved,
}: {
  api: Api;
  t: Translate;
  policy: Policy | null;
  calendars: { id: string; name: string }[];
  plans: { id: string; name: string }[];
  onError: (err: unknown) => void;
  onSaved: (recomputed: number) => void;
}) {
  const [p, setP] = useState<Policy>(policy ?? { ...NEW_POLICY, calendar: calendars[0]?.id ?? '' });
  const save = useAction(onError);
  const set = (patch: Partial<Policy>) => setP((o) => ({ ...o, ...patch }));
  const minutes = (key: 'firstResponseMinutes' | 'nextUpdateMinutes' | 'resolutionMinutes' | 'warnAtPercent', optional = false) => (
    <label>
      {t(key)}
      <input
        type="number"
        name={key}
        min={1}
        value={p[key] ?? ''}
        onInput={(e) => set({ [key]: e.currentTarget.value === '' && optional ? null : Number(e.currentTarget.value) })}
      />
      <FieldError refusal={save.refusal} path={key} />
    </label>
  );
  return (
    <form
      class="policy-form"
      noValidate
      data-testid="policy-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.run(
          () => api.sla.policies.upsert.mutate(p satisfies PolicyInput),
          (r) => onSaved(r.recomputed),
        );
      }}
    >
      <div class="row">
        <label>
          {t('policyId')}
          <input name="id" value={p.id} readOnly={policy !== null} onInput={(e) => set({ id: e.currentTarget.value })} />
          <FieldError refusal={save.refusal} path="id" />
        </label>
        <TextField label={t('colName')} name="name" value={p.name} onInput={(v) => set({ name: v })} refusal={save.refusal} grow />
        <label>
          {t('severity')}
          <select name="severity" value={p.severity} onChange={(e) => set({ severity: e.currentTarget.value as Policy['severity'] })}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity_${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('plan')}
          <select name="plan" value={p.plan ?? ''} onChange={(e) => set({ plan: e.currentTarget.value || null })}>
            <option value="">{t('everyPlan')}</option>
            {plans.map((pl) => (
              <option key={pl.id} value={pl.id}>
                {pl.name}
              </option>
            ))}
          </select>
          <FieldError refusal={save.refusal} path="plan" />
        </label>
        <label>
          {t('calendar')}
          <select name="calendar" value={p.calendar} onChange={(e) => set({ calendar: e.currentTarget.value })}>
            {calendars.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <FieldError refusal={save.refusal} path="calendar" />
        </label>
      </div>
      <div class="row">
        {minutes('firstResponseMinutes')}
        {minutes('nextUpdateMinutes', true)}
        {minutes('resolutionMinutes')}
        {minutes('warnAtPercent')}
      </div>
      <div class="row">
        <label class="check">
          <input
            type="checkbox"
            name="pauseOnCustomer"
            checked={p.pauseOnCustomer}
            onChange={(e) => set({ pauseOnCustomer: e.currentTarget.checked })}
          />
          {t('pauseOnCustomer')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="customerFacing"
            checked={p.customerFacing}
            onChange={(e) => set({ customerFacing: e.currentTarget.checked })}
          />
          {t('customerFacing')}
        </label>
        <button type="submit" disabled={save.busy}>
          {policy ? t('savePolicy') : t('createPolicy')}
        </button>
      </div>
      <RefusalText t={t} refusal={save.refusal} />
    </form>
  );
}
