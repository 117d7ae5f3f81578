import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the e2e variants (Chrome and Firefox) (grants the local fixture origin) once before the real-browser tests. */
export default function setup(): void {
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: root, stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'e2e'], { cwd: root, stdio: 'inherit' });
  for (const dir of ['chrome-mv3-e2e', 'firefox-mv3-e2e'])
    if (!existsSync(join(root, `.output/${dir}/manifest.json`))) throw new Error(`e2e build ${dir} missing`);
}
