import { browser } from 'wxt/browser';
import { z } from 'zod';

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
  await browser.storage.session.set({ [KEY]: { tabId: tab.id, windowId: tab.windowId, url: tab.url } });
}

export function onTargetChanged(cb: (t: Target | null) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && KEY in changes) void getTarget().then(cb);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
