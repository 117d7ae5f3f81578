import { can } from '@handoff/shared';
import { useState } from 'preact/hooks';
import { QuestionStatsView } from '../components/admin/QuestionStatsView.js';
import { TemplateEditor } from '../components/admin/TemplateEditor.js';
import { useReloadable } from '../components/admin/useReloadable.js';
import { VersionHistory } from '../components/admin/VersionHistory.js';
import { Status } from '../components/Status.js';
import { useInsight } from '../components/useInsight.js';
import type { ConsolePage, PageProps } from './page.js';

/** The question-list editor: per category, the questions, their history, and which earn their place. */
function Templates({ api, t, lang, onError }: PageProps) {
  const [list, reload] = useReloadable(() => api.templates.list.query(), 'templates', onError);
  const [category, setCategory] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const chosen = category || (list.state === 'ready' ? (list.data[0]?.category ?? '') : '');
  const history = useInsight(() => api.templates.history.query({ category: chosen }), `${chosen}#${saved}`, onError);
  const stats = useInsight(() => api.templates.stats.query({ category: chosen }), chosen, onError);
  return (
    <Status t={t} loaded={list} empty={(d) => d.length === 0}>
      {(templates) => {
        const template = templates.find((x) => x.category === chosen) ?? templates[0]!;
        return (
          <>
            <label>
              {t('category')}
              <select name="category" value={template.category} onChange={(e) => setCategory(e.currentTarget.value)}>
                {templates.map((x) => (
                  <option key={x.category} value={x.category}>
                    {x.label} ({x.category})
                  </option>
                ))}
              </select>
            </label>
            <p class="current-version" data-testid="current-version">
              {t('currentVersion', { n: template.version })}
            </p>
            {saved !== null && (
              <p role="status" class="ok">
                {t('savedVersion', { n: saved })}
              </p>
            )}
            <TemplateEditor
              key={`${template.category}@${template.version}`}
              api={api}
              t={t}
              lang={lang}
              template={template}
              suggestion={suggestion}
              onSuggestionTaken={() => setSuggestion(null)}
              onError={onError}
              onSaved={(s) => {
                setSaved(s.version);
                reload();
              }}
            />
            {history.state === 'ready' && <VersionHistory t={t} versions={history.data} />}
            {stats.state === 'ready' && <QuestionStatsView t={t} stats={stats.data} onAdd={setSuggestion} />}
          </>
        );
      }}
    </Status>
  );
}

export const templatesPage: ConsolePage = {
  id: 'templates',
  title: 'pageTemplates',
  admin: true,
  filtered: false,
  visible: (user) => can(user, 'template.manage'),
  Component: Templates,
};
