import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTranslate, resolveLanguage, type Messages } from './i18n';
import { LANGUAGES } from '../settings';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../public/_locales');
const load = (l: string) => JSON.parse(readFileSync(join(dir, l, 'messages.json'), 'utf8')) as Messages;
const src = join(dirname(fileURLToPath(import.meta.url)), '..');

function sources(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(d, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts')
        ? [readFileSync(join(d, e.name), 'utf8')]
        : [],
  );
}

describe('UI languages', () => {
  const en = load('en');
  it.each(LANGUAGES)('%s has exactly the English keys, with the same placeholders', (lang) => {
    const m = load(lang);
    expect(Object.keys(m).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) expect(m[k]!.message.match(/\$\d/g) ?? [], k).toEqual(en[k]!.message.match(/\$\d/g) ?? []);
  });
  it('has a message for every literal key the UI uses', () => {
    const used = new Set(sources(src).flatMap((s) => [...s.matchAll(/\bt\('([A-Za-z_]+)'/g)].map((m) => m[1]!)));
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });
  it('substitutes and falls back to English, then to the key', () => {
    const t = createTranslate(load('de'), en);
    expect(t('routedTo', 'billing')).toBe('Geht an Team billing');
    expect(createTranslate({}, en)('copy')).toBe('Copy');
    expect(t('no_such_key')).toBe('no_such_key');
  });
  it('follows the browser language when set to auto', () => {
    expect(resolveLanguage('auto', 'de-AT')).toBe('de');
    expect(resolveLanguage('auto', 'ja')).toBe('en');
    expect(resolveLanguage('fr', 'de')).toBe('fr');
  });
});
