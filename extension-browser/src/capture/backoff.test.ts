import { expect, it } from 'vitest';
import { retryDelayMs } from './backoff';

it('doubles from 15 s up to 30 min with bounded jitter', () => {
  expect(retryDelayMs(1, () => 0.5)).toBe(15_000);
  expect(retryDelayMs(2, () => 0.5)).toBe(30_000);
  expect(retryDelayMs(20, () => 0.5)).toBe(1_800_000);
  expect(retryDelayMs(1, () => 0)).toBe(12_000);
  expect(retryDelayMs(1, () => 0.999999)).toBeLessThanOrEqual(18_000);
});
