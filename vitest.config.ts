import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', include: ['shared/src/**/*.test.ts'] } },
      // The staff console's pure logic (its pages run in real Chromium: server/web/console/e2e).
      { test: { name: 'console', include: ['server/web/console/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Every server test file starts its own databases; run files one at a time so
          // PostgreSQL and the 2-core machine are not oversubscribed.
          fileParallelism: false,
          // The server's structured log: warnings and errors only, so a failure is easy to find.
          env: { HANDOFF_LOG_LEVEL: 'warn' },
        },
      },
    ],
  },
});
