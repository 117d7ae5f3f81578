// biome-ignore lint/suspicious/noExplicitAny: the extension's chrome global, used only inside evaluate()
declare const chrome: any;
import { expect } from 'vitest';
import type { Browser } from './harness';

/** Waits until the recorder runs in the recorded tab's current page (it is injected when the page has loaded). */
export async function recorderReady(b: Browser, path: string): Promise<void> {
  await expect
    .poll(
      () =>
        b.worker.evaluate(async (p: string) => {
          const { recording } = await chrome.storage.session.get('recording');
          if (!recording) return false;
          const tab = await chrome.tabs.get(recording.tabId);
          if (!tab.url?.includes(p)) return false;
          const [r] = await chrome.scripting.executeScript({
            target: { tabId: recording.tabId },
            func: () => typeof (globalThis as Record<string, unknown>).__handoffRecorderStop === 'function',
          });
          return r?.result === true;
        }, path),
      { timeout: 15_000 },
    )
    .toBe(true);
}

/** The recording's steps as the background holds them. */
export function recordedSteps(b: Browser): Promise<Array<{ type: string; handoff?: { console?: unknown[]; network?: unknown[] } }>> {
  return b.worker.evaluate(async () => (await chrome.storage.session.get('recording')).recording?.steps ?? []);
}
