import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit tests of pure logic; `vscode` is replaced by a small mock (real behaviour is tested in e2e/).
export default defineConfig({
  resolve: { alias: { vscode: fileURLToPath(new URL('./src/test/vscodeMock.ts', import.meta.url)) } },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
