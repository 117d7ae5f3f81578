/**
 * One writer at a time for the queue. The Web Locks API is shared by all pages and the service worker of
 * the extension, so the panel and the background never send the same item concurrently; where it does
 * not exist (unit tests) an in-process chain does the same within one context.
 */
let chain: Promise<unknown> = Promise.resolve();

export function withLock<T>(fn: () => Promise<T>, name = 'handoff-queue'): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks?.request) return locks.request(name, fn) as Promise<T>;
  const run = chain.then(fn, fn);
  chain = run.catch(() => undefined);
  return run;
}
