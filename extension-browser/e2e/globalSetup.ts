import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the e2e variant (grants the local fixture origin) once before the real-browser tests. */
export default function setup(): void {
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(join(root, '.output/chrome-mv3-e2e/manifest.json'))) throw new Error('e2e build missing');
}
