import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getTarget, isOwnPage, rememberTarget, targetKind } from './target';

describe('panel target tab: always the tab in front', () => {
  beforeEach(() => fakeBrowser.reset());

  it('follows the agent to a tab whose address the browser hides, instead of keeping the previous ticket', async () => {
    await rememberTarget({ id: 4, windowId: 1, url: 'https://acme.zendesk.com/agent/tickets/4711' });
    await rememberTarget({ id: 6, windowId: 1 });
    const t = await getTarget();
    expect(t).toEqual({ tabId: 6, windowId: 1, url: '' });
    expect(targetKind(t!)).toBe('hidden');
  });
  it('a browser page in front is no ticket page', async () => {
    await rememberTarget({ id: 4, windowId: 1, url: 'https://acme.zendesk.com/agent/tickets/4711' });
    await rememberTarget({ id: 7, windowId: 1, url: 'chrome://newtab/' });
    expect(targetKind((await getTarget())!)).toBe('not-web');
  });
  it("ignores the extension's own pages (the panel opened as a tab), keeping the tab behind them", async () => {
    await rememberTarget({ id: 4, windowId: 1, url: 'https://acme.zendesk.com/agent/tickets/1' });
    const own = fakeBrowser.runtime.getURL('/sidepanel.html');
    expect(isOwnPage(own)).toBe(true);
    await rememberTarget({ id: 5, windowId: 1, url: own });
    expect(await getTarget()).toEqual({ tabId: 4, windowId: 1, url: 'https://acme.zendesk.com/agent/tickets/1' });
    expect(targetKind((await getTarget())!)).toBe('web');
  });
});

describe('discovering the target without a remembered one', () => {
  it('picks the most recently used web page we can see', async () => {
    const { pickRecentWebTab } = await import('./target');
    const tabs = [
      { id: 1, url: 'https://old.example/ticket/1', lastAccessed: 100 },
      { id: 2, url: 'https://crm.example/ticket/2', lastAccessed: 300 },
      { id: 3, url: 'chrome-extension://x/sidepanel.html', lastAccessed: 400 },
      { id: 4, lastAccessed: 500 },
    ];
    expect(pickRecentWebTab(tabs)?.id).toBe(2);
    expect(pickRecentWebTab([])).toBeUndefined();
  });
});
