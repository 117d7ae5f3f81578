import { defineConfig } from 'vitest/config';

// The staff console in real Chromium against a real server: one file at a time (2 cores).
export default defineConfig({
  test: {
    // Real clients on a loaded machine: a UI change can take seconds to show; polls give it 10 s (a
    // poll that succeeds returns at once, so only a failure is slower).
    expect: { poll: { timeout: 10_000 } },
    include: ['web/**/*.e2e.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    env: { HANDOFF_LOG_LEVEL: 'warn' },
  },
});
