import { useState } from 'preact/hooks';
import type { Api } from '../../api.js';
import type { Translate } from '../../i18n.js';
import { RefusalText } from './RefusalText.js';
import { useAction } from './useAction.js';

/** "Which team would this go to?": asks the server, which applies the rules as it does to a new incident. */
export function RoutingPreview({ api, t, onError }: { api: Api; t: Translate; onError: (err: unknown) => void }) {
  const [category, setCategory] = useState('');
  const [component, setComponent] = useState('');
  const [answer, setAnswer] = useState<{ team: string | null } | null>(null);
  const ask = useAction(onError);
  return (
    <section class="routing-preview">
      <h2>{t('routingPreviewTitle')}</h2>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          ask.run(
            () =>
              api.routing.suggest.query({
                category: category.trim(),
                ...(component.trim() ? { component: component.trim() } : {}),
              }),
            setAnswer,
          );
        }}
      >
        <label>
          {t('category')}
          <input name="previewCategory" value={category} onInput={(e) => setCategory(e.currentTarget.value)} />
        </label>
        <label>
          {t('colComponent')}
          <input name="previewComponent" value={component} onInput={(e) => setComponent(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('routingPreviewAsk')}</button>
      </form>
      {answer && (
        <p role="status" data-testid="routing-answer">
          {answer.team ? t('routingGoesTo', { team: answer.team }) : t('routingNoTeam')}
        </p>
      )}
      <RefusalText t={t} refusal={ask.refusal} />
    </section>
  );
}
