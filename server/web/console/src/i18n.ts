import { en } from './messages/en.js';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export const LANGUAGES = ['en', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const loaded: Partial<Record<Language, Messages>> = { en };

/** The person's language: their choice, else the browser's first supported one, else English. */
export function initialLanguage(): Language {
  const chosen = localStorage.getItem('handoff.console.lang');
  if (LANGUAGES.includes(chosen as Language)) return chosen as Language;
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l.slice(0, 2) as Language;
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

export async function loadMessages(lang: Language): Promise<Messages> {
  if (!loaded[lang]) {
    loaded[lang] = lang === 'de' ? (await import('./messages/de.js')).de : (await import('./messages/fr.js')).fr;
  }
  return loaded[lang] as Messages;
}

/** `t('key', { n: 3 })`: the message with `{n}` replaced. */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;
export function translator(messages: Messages, lang: Language): Translate {
  const nf = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return (key, vars) =>
    messages[key].replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = vars?.[name];
      return v === undefined ? `{${name}}` : typeof v === 'number' ? nf.format(v) : v;
    });
}
