import { browser } from 'wxt/browser';

/**
 * Firefox refuses to navigate an automated page to a moz-extension:// URL, so the Firefox e2e build opens
 * its own pages when installed. Compiled out of every other build (MODE and FIREFOX are build-time constants).
 */
export function openPagesForFirefoxTests(): void {
  if (import.meta.env.MODE !== 'e2e' || !import.meta.env.FIREFOX) return;
  browser.runtime.onInstalled.addListener(() => {
    void browser.tabs.create({ url: browser.runtime.getURL('/options.html'), active: false });
  });
  browser.runtime.onMessage.addListener((msg: unknown) => {
    if ((msg as { type?: string })?.type === 'e2e:openPanel')
      return browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html'), active: false }).then(() => true);
    return undefined;
  });
}
