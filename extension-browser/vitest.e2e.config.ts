import { defineConfig } from 'vitest/config';

// Real Chromium with the built extension against a real server: one file at a time, the machine has 2 cores.
export default defineConfig({
  test: {
    // Real clients on a loaded machine: a UI change can take seconds to show; polls give it 10 s (a
    // poll that succeeds returns at once, so only a failure is slower).
    expect: { poll: { timeout: 10_000 } },
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/globalSetup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
