import { useState } from 'preact/hooks';
import { addPattern } from '../options/maskPatterns';
import { maskText } from '../recording/mask';
import { saveSettings, type Settings } from '../settings';
import { useT } from './i18nContext';

type Mask = Settings['recordingMask'];

/**
 * What a recording masks: passwords, card numbers and tokens always; e-mail addresses when the
 * agent says so; and the agent's own patterns (regular expressions), each checked before it is kept.
 * A box to try the rules on a sample text shows what would leave the browser.
 */
export function MaskSettings(props: { mask: Mask }) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sample, setSample] = useState('');
  const { mask } = props;
  const save = (next: Partial<Mask>) => void saveSettings({ recordingMask: { ...mask, ...next } });
  const add = (e: Event) => {
    e.preventDefault();
    const r = addPattern(mask.patterns, draft.trim());
    if (!r.ok) {
      setProblem(
        r.problem === 'invalid'
          ? t('maskPattern_invalid', r.detail)
          : r.problem === 'tooLong' || r.problem === 'tooMany'
            ? t(`maskPattern_${r.problem}`, String(r.max))
            : t(`maskPattern_${r.problem}`),
      );
      return;
    }
    setProblem(null);
    setDraft('');
    save({ patterns: r.patterns });
  };
  return (
    <section class="mask-settings" aria-labelledby="mask-title">
      <h2 id="mask-title">{t('maskTitle')}</h2>
      <p>{t('maskAlways')}</p>
      <label class="check">
        <input id="mask-emails" type="checkbox" checked={mask.emails} onChange={(e) => save({ emails: e.currentTarget.checked })} />{' '}
        {t('maskEmails')}
      </label>
      <h3>{t('maskPatterns')}</h3>
      <p class="hint">{t('maskPatternsHelp')}</p>
      <ul class="mask-patterns">
        {mask.patterns.map((p) => (
          <li key={p} data-pattern={p}>
            <code>{p}</code>{' '}
            <button type="button" class="link" onClick={() => save({ patterns: mask.patterns.filter((x) => x !== p) })}>
              {t('maskPatternRemove')}
            </button>
          </li>
        ))}
      </ul>
      <form class="mask-add" onSubmit={add}>
        <label for="mask-pattern">{t('maskPatternNew')}</label>
        <input
          id="mask-pattern"
          value={draft}
          placeholder="ORD-\d{6}"
          spellcheck={false}
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'mask-problem' : undefined}
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            setProblem(null);
          }}
        />
        <button type="submit" class="mask-add-button">
          {t('maskPatternAdd')}
        </button>
        {problem && (
          <p id="mask-problem" class="error" role="alert">
            {problem}
          </p>
        )}
      </form>
      <label for="mask-sample">{t('maskTry')}</label>
      <input id="mask-sample" value={sample} onInput={(e) => setSample(e.currentTarget.value)} />
      {sample && (
        <p class="mask-preview" role="status">
          {t('maskTryResult', maskText(sample, mask).text)}
        </p>
      )}
    </section>
  );
}
