import { type Account, ROLES } from '@handoff/shared';
import { useState } from 'preact/hooks';
import { FieldError, RefusalText } from './RefusalText.js';
import { useAction } from './useAction.js';
import { type AdminFormProps, commaList } from './adminProps.js';

/** One account: change role and teams, deactivate or reactivate; the server's refusals (last admin, yourself) right here. */
export function AccountRow({ api, t, account, onError, onSaved }: AdminFormProps & { account: Account }) {
  const [role, setRole] = useState(account.role);
  const [teams, setTeams] = useState(account.teams.join(', '));
  const change = useAction(onError);
  const teamList = commaList(teams);
  return (
    <tr data-account={account.id} class={account.active ? undefined : 'inactive'}>
      <td>{account.name}</td>
      <td>
        <select name="role" aria-label={t('colRole')} value={role} onChange={(e) => setRole(e.currentTarget.value as Account['role'])}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <FieldError refusal={change.refusal} path="role" />
      </td>
      <td>
        <input name="teams" aria-label={t('colTeams')} value={teams} onInput={(e) => setTeams(e.currentTarget.value)} />
        <FieldError refusal={change.refusal} path="teams" />
      </td>
      <td>{account.active ? t('active') : t('deactivatedAt', { at: new Date(account.deactivatedAt!).toLocaleString() })}</td>
      <td class="num">{account.activeTokens}</td>
      <td>
        <div class="actions">
          <button
            type="button"
            disabled={change.busy}
            onClick={() => change.run(() => api.users.update.mutate({ id: account.id, role, teams: teamList }), onSaved)}
          >
            {t('save')}
          </button>
          {account.active ? (
            <button
              type="button"
              class="secondary danger"
              onClick={() => change.run(() => api.users.deactivate.mutate({ id: account.id }), onSaved)}
            >
              {t('deactivate')}
            </button>
          ) : (
            <button
              type="button"
              class="secondary"
              onClick={() => change.run(() => api.users.reactivate.mutate({ id: account.id }), onSaved)}
            >
              {t('reactivate')}
            </button>
          )}
        </div>
        <RefusalText t={t} refusal={change.refusal} />
      </td>
    </tr>
  );
}
