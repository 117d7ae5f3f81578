import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A worker thread's compiled file `name`, beside the module at `from` (its `import.meta.url`).
 * Running from the TypeScript sources (tests), it is the built one in dist/ (the build runs before
 * the tests); null when neither exists.
 */
export function workerFile(name: string, from: string): string | null {
  const here = fileURLToPath(new URL(name, from));
  if (existsSync(here)) return here;
  const src = `${path.sep}src${path.sep}`;
  const at = here.lastIndexOf(src);
  if (at < 0) return null;
  const built = `${here.slice(0, at)}${path.sep}dist${path.sep}${here.slice(at + src.length)}`;
  return existsSync(built) ? built : null;
}
