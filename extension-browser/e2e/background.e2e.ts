import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../src/crm/fixtures/expected';
import { configure, fillMinimal, nodeClient, openCrmPage, openPanel, startWorld, type World } from './harness';

const fixture = (crm: string) => FIXTURES.find((f) => f.crm === crm)!;
declare const chrome: {
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
};

describe('the service worker (real Chromium)', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => w?.close());

  it('with no panel open, the alarm sync notifies when a developer asks about one of my incidents', async () => {
    expect(await configure(w.browser, w.server.url, w.token)).toBe('ok');
    const crm = await openCrmPage(w.browser, w.fixtures.url + fixture('helpscout').path);
    const { panel } = await openPanel(w.browser);
    await fillMinimal(panel, 'integration');
    await panel.click('button.submit');
    const ref = (await panel.locator('[data-testid="reference"]').textContent())!;
    await panel.close();
    await crm.close();

    const fire = async () => {
      await w.browser.worker.evaluate(() => chrome.alarms.create('escalations', { when: Date.now() }));
      await new Promise((r) => setTimeout(r, 1500));
    };
    await fire(); // first sync: remembers the current statuses
    await nodeClient(w.server.url, w.server.demoTokens!.developer).incidents.ask.mutate({ ref, question: 'Which endpoint?' });
    await fire();
    const ids = await w.browser.worker.evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(ids)).toContain(`inc-${ref}-needs_info`);
  });
});
