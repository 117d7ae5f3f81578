import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The staff console: built into server/web-dist/console, served by the server under /console/. */
export default defineConfig({
  root: here,
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: fileURLToPath(new URL('../../web-dist/console', import.meta.url)), emptyOutDir: true, sourcemap: true },
  logLevel: 'warn',
});
