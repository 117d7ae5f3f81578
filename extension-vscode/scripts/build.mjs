// Bundles the extension (Node, CommonJS, `vscode` external) and the panel script (browser IIFE)
// with esbuild: one file each, so the .vsix carries no node_modules and activation reads one file.
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.env.NODE_ENV !== 'development';

// @puppeteer/replay (behind recordingToPlaywright) imports these only in its runner, which nothing here uses.
const neverLoaded = ['puppeteer', 'lighthouse'];
const common = { bundle: true, minify: production, sourcemap: production ? false : 'linked', logLevel: 'warning', absWorkingDir: root };

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', ...neverLoaded],
  }),
  build({
    ...common,
    entryPoints: ['src/webview-ui/incident/main.ts'],
    outfile: 'media/build/incident.js',
    platform: 'browser',
    format: 'iife',
    external: neverLoaded,
    target: 'es2022',
  }),
]);
