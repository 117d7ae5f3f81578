import type { Team } from '@handoff/shared';
import { useState } from 'preact/hooks';
import { RefusalText } from './RefusalText.js';
import { useAction } from './useAction.js';
import type { AdminFormProps } from './adminProps.js';
import { TextField } from './TextField.js';

/** Creates a team (`team` null) or renames one / changes its tier. */
export function TeamForm({ api, t, team, onError, onSaved }: AdminFormProps & { team: Team | null }) {
  const [id, setId] = useState(team?.id ?? '');
  const [name, setName] = useState(team?.name ?? '');
  const [tier, setTier] = useState(team?.tier ?? 1);
  const save = useAction(onError);
  return (
    <form
      class="inline-form"
      data-team={team?.id ?? 'new'}
      onSubmit={(e) => {
        e.preventDefault();
        save.run(
          () => api.teams.upsert.mutate({ id, name, tier }),
          () => {
            if (!team) {
              setId('');
              setName('');
            }
            onSaved();
          },
        );
      }}
    >
      {!team && <TextField label={t('colTeamId')} name="id" value={id} onInput={setId} refusal={save.refusal} />}
      <TextField label={t('colTeamName')} name="name" value={name} onInput={setName} refusal={save.refusal} />
      <label>
        {t('colTier')}
        <select name="tier" value={tier} onChange={(e) => setTier(Number(e.currentTarget.value))}>
          {[1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={save.busy}>
        {team ? t('save') : t('createTeam')}
      </button>
      <RefusalText t={t} refusal={save.refusal} />
    </form>
  );
}
