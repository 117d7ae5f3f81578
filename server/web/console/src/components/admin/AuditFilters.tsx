import { AUDIT_ACTIONS, type AuditListInput, type User } from '@handoff/shared';
import { useState } from 'preact/hooks';
import type { Translate } from '../../i18n.js';

export type AuditFilter = Omit<AuditListInput, 'limit' | 'beforeId'>;

/** A day from a date input as the start of that day in UTC; `to` is exclusive, so the end day counts in full. */
const dayStart = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000).toISOString();

/** Who, what, to what and when; applied together. */
export function AuditFilters({ t, people, onApply }: { t: Translate; people: User[]; onApply: (f: AuditFilter) => void }) {
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [target, setTarget] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  return (
    <form
      class="inline-form filters"
      aria-label={t('filters')}
      onSubmit={(e) => {
        e.preventDefault();
        onApply({
          ...(actor ? { actorId: Number(actor) } : {}),
          ...(action ? { action: action as AuditFilter['action'] } : {}),
          ...(target.trim() ? { target: target.trim() } : {}),
          ...(from ? { from: dayStart(from) } : {}),
          ...(to ? { to: dayStart(to, 1) } : {}),
        });
      }}
    >
      <label>
        {t('colActor')}
        <select name="actor" value={actor} onChange={(e) => setActor(e.currentTarget.value)}>
          <option value="">{t('any')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('colAction')}
        <select name="action" value={action} onChange={(e) => setAction(e.currentTarget.value)}>
          <option value="">{t('any')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('colTarget')}
        <input name="target" value={target} placeholder="team billing" onInput={(e) => setTarget(e.currentTarget.value)} />
      </label>
      <label>
        {t('from')}
        <input type="date" name="from" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
      </label>
      <label>
        {t('to')}
        <input type="date" name="to" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
      </label>
      <button type="submit">{t('applyFilters')}</button>
    </form>
  );
}
