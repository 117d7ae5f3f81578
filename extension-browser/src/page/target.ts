import { browser } from 'wxt/browser';
import { z } from 'zod';
import { isRecordedTab } from '../recording/state';

/** The CRM tab the panel works on: the last http(s) tab the agent looked at in any window. */
export const TargetSchema = z.object({ tabId: z.number().int(), windowId: z.number().int(), url: z.string() });
export type Target = z.infer<typeof TargetSchema>;

const KEY = 'target';

export async function getTarget(): Promise<Target | null> {
  const p = TargetSchema.safeParse((await browser.storage.session.get(KEY))[KEY]);
  return p.success ? p.data : null;
}

/** Remembers `tab` as the target when it is a web page we can see (we see URLs only where we have access). */
export async function rememberTarget(tab: { id?: number; windowId?: number; url?: string }): Promise<void> {
  if (tab.id === undefined || tab.windowId === undefined || !tab.url || !/^https?:/.test(tab.url)) return;
  if (await isRecordedTab(tab.id)) return; // the product being recorded is not the ticket the panel works on
  await browser.storage.session.set({ [KEY]: { tabId: tab.id, windowId: tab.windowId, url: tab.url } });
}

export function onTargetChanged(cb: (t: Target | null) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && KEY in changes) void getTarget().then(cb);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Follows the agent's tab switches and navigations (in the service worker, and in the panel while it is open). */
export function trackTargetTab(): () => void {
  const onActivated = ({ tabId }: { tabId: number }) => void browser.tabs.get(tabId).then(rememberTarget, () => undefined);
  const onUpdated = (
    _id: number,
    change: { status?: string; url?: string },
    tab: { id?: number; windowId?: number; url?: string; active: boolean },
  ) => {
    if (tab.active && (change.status === 'complete' || change.url)) void rememberTarget(tab);
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}

/**
 * When nothing is remembered (a fresh browser session clears session storage, and a restarted service worker
 * may have missed the tab events): the most recently used web page we are allowed to see.
 */
export async function discoverTarget(): Promise<Target | null> {
  const best = pickRecentWebTab(await browser.tabs.query({}));
  if (!best) return null;
  await rememberTarget(best);
  return getTarget();
}

type TabLike = { id?: number; windowId?: number; url?: string; lastAccessed?: number };

/** The web page (http/https, URL visible to us) used last. */
export function pickRecentWebTab<T extends TabLike>(tabs: T[]): T | undefined {
  return tabs.filter((t) => t.url && /^https?:/.test(t.url)).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}
