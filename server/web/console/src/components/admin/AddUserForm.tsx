import { ROLES, type Role } from '@handoff/shared';
import { useState } from 'preact/hooks';
import { RefusalText } from './RefusalText.js';
import { SecretOnce } from './SecretOnce.js';
import { useAction } from './useAction.js';
import { type AdminFormProps, commaList } from './adminProps.js';
import { TextField } from './TextField.js';

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
        <TextField label={t('colName')} name="name" value={name} onInput={setName} refusal={add.refusal} />
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
        <TextField label={t('colTeams')} name="teams" value={teams} onInput={setTeams} refusal={add.refusal} placeholder="billing, web" />
        <button type="submit" disabled={add.busy}>
          {t('addUser')}
        </button>
        <RefusalText t={t} refusal={add.refusal} />
      </form>
      {issued && <SecretOnce t={t} label={issued.name} secret={issued.secret} onDone={() => setIssued(null)} />}
    </>
  );
}
