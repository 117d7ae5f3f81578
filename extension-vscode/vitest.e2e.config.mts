import { defineConfig } from 'vitest/config';

// The real-VS-Code suite: one file, steps in order against one workbench, generous timeouts
// (the first run installs code-server into .cache/, about 3 minutes).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 480_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
