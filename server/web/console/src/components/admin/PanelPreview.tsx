import type { Template } from '@handoff/shared';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Language, Translate } from '../../i18n.js';
import { createTranslate, I18n, type PanelTranslate, panelCss, panelMessages, Questions } from '../../panel.js';

/**
 * The questions as the side panel will ask them: the panel's own `Questions` component, styles and
 * wording, rendered in a shadow root (so neither page's styles leak into the other) at the panel's
 * width. Answering in the preview shows and hides conditional questions live, as in the panel.
 */
export function PanelPreview({ t, lang, template }: { t: Translate; lang: Language; template: Template }) {
  const host = useRef<HTMLDivElement>(null);
  const [panelT, setPanelT] = useState<PanelTranslate | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});

  useEffect(() => {
    let current = true;
    // Should the messages not load, the panel's translator falls back to the message keys.
    Promise.all([panelMessages(lang), panelMessages('en')]).then(
      ([m, en]) => current && setPanelT(() => createTranslate(m, en)),
      () => current && setPanelT(() => createTranslate({})),
    );
    return () => {
      current = false;
    };
  }, [lang]);

  useEffect(() => {
    const el = host.current;
    if (!el || !panelT) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    render(
      <>
        {/* The panel styles its document root; here the shadow host stands in for it. */}
        <style>{panelCss.replaceAll(':root', ':host')}</style>
        <main>
          <I18n.Provider value={panelT}>
            <Questions template={template} answers={answers} errors={{}} onAnswer={(id, v) => setAnswers((a) => ({ ...a, [id]: v }))} />
          </I18n.Provider>
        </main>
      </>,
      root,
    );
  }, [panelT, template, answers]);

  useEffect(() => {
    const root = host.current?.shadowRoot;
    return () => root && render(null, root);
  }, []);

  return (
    <section class="preview" aria-label={t('previewTitle')}>
      <h2>{t('previewTitle')}</h2>
      <p class="hint">{t('previewHint')}</p>
      <div class="panel-frame" data-testid="panel-preview" ref={host} />
      <button type="button" class="secondary" onClick={() => setAnswers({})}>
        {t('previewReset')}
      </button>
    </section>
  );
}
