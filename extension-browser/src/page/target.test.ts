import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getTarget, rememberTarget } from './target';

describe('panel target tab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers web pages and ignores extension pages and tabs whose URL we may not see', async () => {
    await rememberTarget({ id: 4, windowId: 1, url: 'https://acme.zendesk.com/agent/tickets/1' });
    await rememberTarget({ id: 5, windowId: 1, url: 'chrome-extension://abc/sidepanel.html' });
    await rememberTarget({ id: 6, windowId: 1 });
    expect(await getTarget()).toEqual({ tabId: 4, windowId: 1, url: 'https://acme.zendesk.com/agent/tickets/1' });
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
