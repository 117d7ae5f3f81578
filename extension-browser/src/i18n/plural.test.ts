import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTranslate, pluralKey } from './i18n';

const here = dirname(fileURLToPath(import.meta.url));
const messages = (lang: string) => JSON.parse(readFileSync(join(here, `../../public/_locales/${lang}/messages.json`), 'utf8'));

describe('counts read as words, not "customer(s)"', () => {
  it.each([
    ['en', 1, '1 customer'],
    ['en', 2, '2 customers'],
    ['en', 0, '0 customers'],
    ['de', 1, '1 Kunde'],
    ['de', 3, '3 Kunden'],
    ['fr', 1, '1 client'],
    ['fr', 0, '0 client'],
    ['fr', 5, '5 clients'],
  ])('%s: %i', (lang, n, text) => {
    expect(createTranslate(messages(lang))(pluralKey('affected', n, lang), n)).toBe(text);
  });
});
