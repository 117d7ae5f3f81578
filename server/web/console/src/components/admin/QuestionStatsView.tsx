import type { TemplateStats } from '@handoff/shared';
import type { Translate } from '../../i18n.js';
import { Table } from './Table.js';

type Stat = TemplateStats['questions'][number];
type Suggestion = TemplateStats['suggestions'][number];

/**
 * Which questions earn their place: per question how often it was asked and answered, and how
 * often developers asked L1 for it anyway; then what developers keep asking that the list lacks.
 */
export function QuestionStatsView({ t, stats, onAdd }: { t: Translate; stats: TemplateStats; onAdd: (text: string) => void }) {
  return (
    <section class="stats">
      <h2>{t('statsTitle')}</h2>
      <p>{t('statsIntro', { n: stats.incidents })}</p>
      <Table<Stat>
        label={t('statsTitle')}
        rows={stats.questions}
        keyOf={(q) => q.id}
        columns={[
          { label: t('colQuestion'), cell: (q) => q.text },
          { label: t('colAsked'), cell: (q) => q.asked, num: true },
          { label: t('colAnswered'), cell: (q) => q.answered, num: true },
          { label: t('colAskedAgain'), cell: (q) => q.askedAgainByDevelopers, num: true },
        ]}
      />
      <h3>{t('suggestionsFromDevelopers')}</h3>
      {stats.suggestions.length === 0 ? (
        <p class="empty">{t('noSuggestions')}</p>
      ) : (
        <Table<Suggestion>
          label={t('suggestionsFromDevelopers')}
          rows={stats.suggestions}
          keyOf={(s) => s.text}
          columns={[
            { label: t('colQuestion'), cell: (s) => s.text },
            { label: t('colTimesAsked'), cell: (s) => s.count, num: true },
            { label: t('colReference'), cell: (s) => s.references.join(', ') },
            {
              label: '',
              cell: (s) => (
                <button type="button" onClick={() => onAdd(s.text)}>
                  {t('addAsQuestion')}
                </button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
