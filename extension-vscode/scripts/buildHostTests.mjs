// Bundles the in-host suite twice: as a companion test extension (code-server runner) and as a
// module exporting run() (the @vscode/test-electron runner), then packages the companion .vsix.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const host = join(root, 'e2e', 'host');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // @puppeteer/replay (behind @handoff/shared's recordingToPlaywright) imports these only in its runner.
  external: ['vscode', 'puppeteer', 'lighthouse'],
  logLevel: 'warning',
  absWorkingDir: root,
};
await build({ ...common, entryPoints: ['e2e/host/testExtension.ts'], outfile: 'e2e/host/dist/testExtension.js' });
await build({ ...common, entryPoints: ['e2e/host/suite.ts'], outfile: 'e2e/host/dist/suite.js' });
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
execFileSync(
  process.execPath,
  [vsce, 'package', '--no-dependencies', '--skip-license', '-o', join(host, 'dist', 'handoff-vscode-tests.vsix')],
  { cwd: host, stdio: 'inherit' },
);
