/** The extension's messages (`_locales/<lang>/messages.json`) and a translator over them; no browser API, so the console's preview can use it too. */
export type Messages = Record<string, { message: string }>;
export type Translate = (key: string, ...subs: (string | number)[]) => string;

/**
 * A translator over the extension's `_locales/<lang>/messages.json`.
 * `$1`…`$9` are replaced by `subs`; a missing key falls back to English, then to the key itself.
 */
export function createTranslate(messages: Messages, fallback: Messages = {}): Translate {
  return (key, ...subs) => {
    const m = messages[key]?.message ?? fallback[key]?.message ?? key;
    return m.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
  };
}
