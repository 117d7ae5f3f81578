// Registry checks: what package.json declares has an implementation, and every string a person
// sees is translated into each language the browser extension supports too (de, fr).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from './commands';
import { VIEW_IDS } from './views/incidentTreeProvider';
import { RELEASES_VIEW_ID } from './views/releaseTreeProvider';
import { CURRENT_VIEW_ID } from './views/currentIncidentView';
// @ts-expect-error — plain .mjs helper without type declarations
import { l10nKeys } from '../scripts/l10nKeys.mjs';

const root = join(__dirname, '..');
const read = (f: string) => JSON.parse(readFileSync(join(root, f), 'utf8'));
const pkg = read('package.json');
const LANGS = ['de', 'fr'];

describe('package.json', () => {
  it('declares exactly the implemented commands', () => {
    const declared = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    expect(declared).toEqual(Object.keys(COMMANDS).sort());
  });
  it('declares exactly the views the extension provides', () => {
    expect(pkg.contributes.views.handoff.map((v: { id: string }) => v.id).sort()).toEqual(
      [CURRENT_VIEW_ID, ...Object.values(VIEW_IDS), RELEASES_VIEW_ID].sort(),
    );
  });
  it('never activates on * or on start-up; activates for the URI handler and restored panels', () => {
    expect(pkg.activationEvents).not.toContain('*');
    expect(pkg.activationEvents).not.toContain('onStartupFinished');
    expect(pkg.activationEvents).toEqual(expect.arrayContaining(['onUri', 'onWebviewPanel:handoff.incident']));
  });
  it('has a nls entry for every %placeholder%, in every language', () => {
    const used = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]).sort();
    const en = read('package.nls.json');
    expect(Object.keys(en).sort()).toEqual([...new Set(used)].sort());
    for (const lang of LANGS) expect(Object.keys(read(`package.nls.${lang}.json`)).sort(), lang).toEqual(Object.keys(en).sort());
  });
});

describe('runtime l10n bundles', () => {
  const keys: string[] = l10nKeys();
  it('finds the strings passed to vscode.l10n.t', () => {
    expect(keys).toContain('There is no incident {0}.');
  });
  for (const lang of LANGS) {
    it(`translates every string into ${lang}, keeping the placeholders`, () => {
      const bundle: Record<string, string> = read(`l10n/bundle.l10n.${lang}.json`);
      expect(Object.keys(bundle).sort()).toEqual([...keys].sort());
      const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();
      for (const k of keys) expect(placeholders(bundle[k]!), `${lang}: ${k}`).toEqual(placeholders(k));
    });
  }
});
