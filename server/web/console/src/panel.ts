/**
 * The browser extension's side-panel pieces the console reuses, so its preview is the panel's own
 * rendering (component, styles and wording) and cannot drift from it. The one place that knows the path.
 */
export { Questions } from '../../../../extension-browser/src/ui/Questions';
export { I18n } from '../../../../extension-browser/src/ui/i18nContext';
export { createTranslate, type Messages, type Translate as PanelTranslate } from '../../../../extension-browser/src/i18n/translate';
export { default as panelCss } from '../../../../extension-browser/src/ui/panel.css?inline';

/** The panel's messages in one language (its `_locales/<lang>/messages.json`). */
export async function panelMessages(lang: 'en' | 'de' | 'fr'): Promise<Record<string, { message: string }>> {
  const files = {
    en: () => import('../../../../extension-browser/public/_locales/en/messages.json'),
    de: () => import('../../../../extension-browser/public/_locales/de/messages.json'),
    fr: () => import('../../../../extension-browser/public/_locales/fr/messages.json'),
  };
  return (await files[lang]()).default as Record<string, { message: string }>;
}
