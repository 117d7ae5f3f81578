import { ROLES, type Role } from '@handoff/shared';
import { useState } from 'preact/hooks';
import { FieldError, RefusalText } from './RefusalText.js';
import { SecretOnce } from './SecretOnce.js';
import { useAction } from './useAction.js';
import { type AdminFormProps, commaList } from './adminProps.js';

/** A new account; its first token is shown once. */
export function AddUserForm({ api, t, onError, onSaved }: AdminFormProps) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [teams, setTeams] = useState('');
  const [issued, setIssued] = useState<{ name: string; secret: string } | null>(null);
  const add = useAction(onError);
  return (
    <>
      <form
        class="inline-form"
        data-testid="add-user"
        onSubmit={(e) => {
          e.preventDefault();
          const list = commaList(teams);
          add.run(
            () => api.users.add.mutate({ name, role, teams: list }),
            (r) => {
              setIssued({ name: r.user.name, secret: r.token });
              setName('');
              setTeams('');
              onSaved();
            },
          );
        }}
      >
        <label>
          {t('colName')}
          <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          <FieldError refusal={add.refusal} path="name" />
        </label>
        <label>
          {t('colRole')}
          <select name="role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('colTeams')}
          <input name="teams" value={teams} placeholder="billing, web" onInput={(e) => setTeams(e.currentTarget.value)} />
          <FieldError refusal={add.refusal} path="teams" />
        </label>
        <button type="submit" disabled={add.busy}>
          {t('addUser')}
        </button>
        <RefusalText t={t} refusal={add.refusal} />
      </form>
      {issued && <SecretOnce t={t} label={issued.name} secret={issued.secret} onDone={() => setIssued(null)} />}
    </>
  );
}
