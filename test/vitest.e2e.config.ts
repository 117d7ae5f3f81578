import { defineConfig } from 'vitest/config';

// The cross-client stories: one file, steps in order, one server / browsers / VS Code for all.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 480_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
