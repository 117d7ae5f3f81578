/**
 * Delay before retry number `attempt` (1-based): 15 s doubling to at most 30 min, ±20 % jitter so many
 * browsers that lost the server at once do not return in lock-step. A formula rather than a retry library
 * because the schedule must survive the service worker being stopped: it is stored with each queued item.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15_000 * 2 ** Math.max(0, attempt - 1), 30 * 60_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}
