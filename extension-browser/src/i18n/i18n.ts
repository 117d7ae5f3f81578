import { browser } from 'wxt/browser';
import { LANGUAGES, type Settings } from '../settings';
import { createTranslate, type Messages, type Translate } from './translate';

export { createTranslate, type Messages, type Translate };

/** 'auto' follows the browser's UI language when we have it, else English. */
export function resolveLanguage(setting: Settings['language'], uiLanguage: string): (typeof LANGUAGES)[number] {
  if (setting !== 'auto') return setting;
  const base = uiLanguage.toLowerCase().split(/[-_]/)[0] as (typeof LANGUAGES)[number];
  return LANGUAGES.includes(base) ? base : 'en';
}

// Read the files ourselves instead of `i18n.getMessage`: that one is fixed to the browser's language and the agent may choose another.
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
