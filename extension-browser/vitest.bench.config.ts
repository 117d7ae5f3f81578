import { defineConfig } from 'vitest/config';

// Timings are measured here, not asserted in tests (npm run bench; results in e2e-results/bench.json).
export default defineConfig({
  test: {
    include: ['bench/**/*.bench-e2e.ts'],
    globalSetup: ['e2e/globalSetup.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
