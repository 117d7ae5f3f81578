import { isAbsolute, join, normalize, relative } from 'node:path';

/** Where a reproduction test goes: `<folder>/<testFolder>/INC-1042.spec.ts`; a test folder outside the workspace is refused. */
export function specPath(folder: string, testFolder: string, reference: string): string {
  const dir = normalize(join(folder, testFolder.trim() || 'tests/repro'));
  const rel = relative(folder, dir);
  if (rel.startsWith('..') || isAbsolute(rel))
    throw new RangeError(`handoff.repro.testFolder must be inside the workspace (it is ${testFolder})`);
  return join(dir, `${reference}.spec.ts`);
}
