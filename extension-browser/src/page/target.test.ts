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
