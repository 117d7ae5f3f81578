import { defineConfig } from 'vitest/config';

// The staff console in real Chromium against a real server: one file at a time (2 cores).
export default defineConfig({
  test: {
    include: ['web/**/*.e2e.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    env: { HANDOFF_LOG_LEVEL: 'warn' },
  },
});
