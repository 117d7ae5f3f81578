// Lists the runtime strings passed to vscode.l10n.t (and `t` aliases of it) in src/, the keys
// that l10n/bundle.l10n.<lang>.json must translate. Used by the l10n test and to update bundles.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'test' || f === 'webview-ui' ? [] : files(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

export function l10nKeys() {
  const keys = new Set();
  const re = /\bt\(\s*'((?:[^'\\]|\\.)*)'/g;
  for (const f of files(srcDir)) {
    for (const m of readFileSync(f, 'utf8').matchAll(re)) keys.add(m[1].replace(/\\'/g, "'"));
  }
  return [...keys].sort();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(l10nKeys(), null, 1));
}
