import { browser } from 'wxt/browser';
import { z } from 'zod';
import { isRecordedTab } from '../recording/state';

/**
 * The tab the panel works on: the tab in front, whatever it is. `url` is empty when the browser hides it
 * from us (no access to that site yet): the panel then says so instead of showing another tab's ticket.
 */
export const TargetSchema = z.object({ tabId: z.number().int(), windowId: z.number().int(), url: z.string() });
export type Target = z.infer<typeof TargetSchema>;

const KEY = 'target';

export async function getTarget(): Promise<Target | null> {
  const p = TargetSchema.safeParse((await browser.storage.session.get(KEY))[KEY]);
  return p.success ? p.data : null;
}

/** The extension's own pages (the panel opened as a tab, options): never a target, the tab behind them stays. */
export function isOwnPage(url: string | undefined): boolean {
  return !!url && url.startsWith(browser.runtime.getURL('/'));
}

/**
 * Remembers the tab in front as the target, also when we may not see its URL or it is no web page: the panel
 * must follow the agent's tab, never keep showing the previous one (an agent could escalate the wrong customer).
 */
export async function rememberTarget(tab: { id?: number; windowId?: number; url?: string }): Promise<void> {
  if (tab.id === undefined || tab.windowId === undefined || isOwnPage(tab.url) || (await ownTabs()).includes(tab.id)) return;
  if (await isRecordedTab(tab.id)) return; // the product being recorded is not the ticket the panel works on
  await browser.storage.session.set({ [KEY]: { tabId: tab.id, windowId: tab.windowId, url: tab.url ?? '' } });
}

const OWN = 'ownTabs';

/** Tabs showing the panel itself (opened as a tab): the browser may hide even our own page's address. */
export async function ownTabs(): Promise<number[]> {
  const v = (await browser.storage.session.get(OWN))[OWN];
  return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
}

export async function markOwnTab(tabId: number): Promise<void> {
  await browser.storage.session.set({ [OWN]: [...(await ownTabs()), tabId].slice(-20) });
  // the background may have taken this tab as the target before it could tell it is ours
  if ((await getTarget())?.tabId === tabId) {
    await browser.storage.session.remove(KEY);
    await discoverTarget();
  }
}

/** Called by the extension's own pages opened as tabs (panel, options) so they are never the target. */
export async function markThisTabOwn(): Promise<number | undefined> {
  const id = (await browser.tabs.getCurrent().catch(() => undefined))?.id;
  if (id !== undefined) await markOwnTab(id);
  return id;
}

/** What the panel can do with a target: read it, ask for access to it, or say there is no ticket page. */
export function targetKind(t: Target): 'web' | 'hidden' | 'not-web' {
  if (!t.url) return 'hidden';
  return /^https?:/.test(t.url) ? 'web' : 'not-web';
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
    if (tab.active && (change.status === 'complete' || change.url !== undefined)) void rememberTarget(tab);
  };
  const onRemoved = (tabId: number) =>
    void getTarget().then(async (t) => {
      if (t?.tabId !== tabId) return;
      await browser.storage.session.remove(KEY);
      await discoverTarget();
    });
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onRemoved.addListener(onRemoved);
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.tabs.onRemoved.removeListener(onRemoved);
  };
}

/**
 * When nothing is remembered (a fresh browser session clears session storage, and a restarted service worker
 * may have missed the tab events): the most recently used web page we are allowed to see.
 */
export async function discoverTarget(): Promise<Target | null> {
  const own = await ownTabs();
  const [front] = (await browser.tabs.query({ active: true, lastFocusedWindow: true })).filter(
    (t) => !isOwnPage(t.url) && !own.includes(t.id ?? -1),
  );
  if (front) {
    await rememberTarget(front);
    return getTarget();
  }
  const best = pickRecentWebTab((await browser.tabs.query({})).filter((t) => !own.includes(t.id ?? -1)));
  if (!best) return null;
  await rememberTarget(best);
  return getTarget();
}

type TabLike = { id?: number; windowId?: number; url?: string; lastAccessed?: number };

/** The web page (http/https, URL visible to us) used last. */
export function pickRecentWebTab<T extends TabLike>(tabs: T[]): T | undefined {
  return tabs.filter((t) => t.url && /^https?:/.test(t.url)).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}
