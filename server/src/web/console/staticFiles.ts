import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** Where `vite build` puts the console (server/web-dist/console), from server/dist/web/console. */
export const CONSOLE_BUILD_DIR = fileURLToPath(new URL('../../../web-dist/console/', import.meta.url));

export interface StaticFile {
  body: Buffer;
  type: string;
}

/**
 * The built console, read once: only files that exist in the build are served, by their exact
 * path, so no request path can reach outside it. Empty when the console was not built.
 */
export function loadConsoleFiles(dir: string = CONSOLE_BUILD_DIR): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full).split(path.sep).join('/');
    files.set(rel, { body: readFileSync(full), type: TYPES[path.extname(full)] ?? 'application/octet-stream' });
  }
  return files;
}
