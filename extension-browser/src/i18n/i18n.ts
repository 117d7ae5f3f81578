import { browser } from 'wxt/browser';
import { LANGUAGES, type Settings } from '../settings';

export type Messages = Record<string, { message: string }>;
export type Translate = (key: string, ...subs: (string | number)[]) => string;

/** 'auto' follows the browser's UI language when we have it, else English. */
export function resolveLanguage(setting: Settings['language'], uiLanguage: string): (typeof LANGUAGES)[number] {
  if (setting !== 'auto') return setting;
  const base = uiLanguage.toLowerCase().split(/[-_]/)[0] as (typeof LANGUAGES)[number];
  return LANGUAGES.includes(base) ? base : 'en';
}

/**
 * A translator over the extension's `_locales/<lang>/messages.json`. We read the files ourselves instead of
 * `i18n.getMessage` because that one is fixed to the browser's language and the agent may choose another.
 * `$1`…`$9` are replaced by `subs`; a missing key falls back to English, then to the key itself.
 */
export function createTranslate(messages: Messages, fallback: Messages = {}): Translate {
  return (key, ...subs) => {
    const m = messages[key]?.message ?? fallback[key]?.message ?? key;
    return m.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
  };
}

const cache = new Map<string, Promise<Messages>>();

export function loadMessages(lang: string): Promise<Messages> {
  let p = cache.get(lang);
  if (!p) {
    p = fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/_locales/en/messages.json')).then(
      (r) => r.json() as Promise<Messages>,
    );
    cache.set(lang, p);
  }
  return p;
}

export async function translatorFor(setting: Settings['language']): Promise<{ lang: string; t: Translate }> {
  const lang = resolveLanguage(setting, browser.i18n.getUILanguage());
  const [messages, en] = await Promise.all([loadMessages(lang), loadMessages('en')]);
  return { lang, t: createTranslate(messages, en) };
}

/** `key_one` or `key_other` for a count, by the language's plural rules (French counts 0 as one, English does not). */
export function pluralKey(key: string, n: number, lang: string): string {
  return `${key}_${new Intl.PluralRules(lang).select(n) === 'one' ? 'one' : 'other'}`;
}
