import { defineConfig } from 'vitest/config';

// The real-VS-Code suite: one file, steps in order against one workbench, generous timeouts
// (the first run installs code-server into .cache/, about 3 minutes).
export default defineConfig({
  test: {
    // Real clients on a loaded machine: a UI change can take seconds to show; polls give it 10 s (a
    // poll that succeeds returns at once, so only a failure is slower).
    expect: { poll: { timeout: 10_000 } },
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 480_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
