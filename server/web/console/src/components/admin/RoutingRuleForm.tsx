import { useState } from 'preact/hooks';
import { FieldError, RefusalText } from './RefusalText.js';
import { useAction } from './useAction.js';
import type { AdminFormProps } from './adminProps.js';

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
      <label>
        {t('category')}
        <input name="category" value={category} onInput={(e) => setCategory(e.currentTarget.value)} />
        <FieldError refusal={save.refusal} path="category" />
      </label>
      <label>
        {t('colComponent')}
        <input name="component" value={component} onInput={(e) => setComponent(e.currentTarget.value)} />
        <FieldError refusal={save.refusal} path="component" />
      </label>
      <label>
        {t('team')}
        <input name="team" value={team} onInput={(e) => setTeam(e.currentTarget.value)} />
        <FieldError refusal={save.refusal} path="team" />
      </label>
      <button type="submit" disabled={save.busy}>
        {t('addRule')}
      </button>
      <RefusalText t={t} refusal={save.refusal} />
    </form>
  );
}
