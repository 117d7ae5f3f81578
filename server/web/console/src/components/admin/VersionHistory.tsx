import type { TemplateVersion } from '@handoff/shared';
import { useState } from 'preact/hooks';
import type { Translate } from '../../i18n.js';
import { Table } from './Table.js';

/** Every saved version, newest first, with who saved it and when; any one can be opened read-only. */
export function VersionHistory({ t, versions }: { t: Translate; versions: TemplateVersion[] }) {
  const [open, setOpen] = useState<TemplateVersion | null>(null);
  return (
    <section class="history">
      <h2>{t('historyTitle')}</h2>
      <Table
        label={t('historyTitle')}
        rows={versions}
        keyOf={(v) => v.version}
        columns={[
          { label: t('colVersion'), cell: (v) => v.version, num: true },
          { label: t('colSavedAt'), cell: (v) => new Date(v.createdAt).toLocaleString() },
          { label: t('colSavedBy'), cell: (v) => v.savedBy ?? t('savedBySystem') },
          { label: t('colQuestions'), cell: (v) => v.questions.length, num: true },
          {
            label: '',
            cell: (v) => (
              <button type="button" class="secondary" onClick={() => setOpen(open?.version === v.version ? null : v)}>
                {open?.version === v.version ? t('hideVersion') : t('viewVersion', { n: v.version })}
              </button>
            ),
          },
        ]}
      />
      {open && (
        <div class="old-version" data-testid="old-version">
          <h3>{t('versionOf', { n: open.version, label: open.label })}</h3>
          <ol>
            {open.questions.map((q) => (
              <li key={q.id}>
                <strong>{q.text}</strong> {q.required && `(${t('questionRequired')})`} — {t(`kind_${q.kind}`)}
                {q.showIf && (
                  <span class="hint"> {t('shownWhen', { question: q.showIf.question, values: [q.showIf.equals].flat().join(', ') })}</span>
                )}
                <br />
                <small class="hint">{q.why}</small>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
