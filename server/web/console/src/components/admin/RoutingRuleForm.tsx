import { useState } from 'preact/hooks';
import { RefusalText } from './RefusalText.js';
import { useAction } from './useAction.js';
import type { AdminFormProps } from './adminProps.js';
import { TextField } from './TextField.js';

/** A new routing rule: a category, a component or both, and the team it sends them to. */
export function RoutingRuleForm({ api, t, onError, onSaved }: AdminFormProps) {
  const [category, setCategory] = useState('');
  const [component, setComponent] = useState('');
  const [team, setTeam] = useState('');
  const save = useAction(onError);
  return (
    <form
      class="inline-form"
      data-testid="add-rule"
      onSubmit={(e) => {
        e.preventDefault();
        save.run(
          () =>
            api.routing.add.mutate({
              team,
              ...(category.trim() ? { category: category.trim() } : {}),
              ...(component.trim() ? { component: component.trim() } : {}),
            }),
          onSaved,
        );
      }}
    >
      <TextField label={t('category')} name="category" value={category} onInput={setCategory} refusal={save.refusal} />
      <TextField label={t('colComponent')} name="component" value={component} onInput={setComponent} refusal={save.refusal} />
      <TextField label={t('team')} name="team" value={team} onInput={setTeam} refusal={save.refusal} />
      <button type="submit" disabled={save.busy}>
        {t('addRule')}
      </button>
      <RefusalText t={t} refusal={save.refusal} />
    </form>
  );
}
