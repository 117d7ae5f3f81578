import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../src/crm/fixtures/expected';
import { configure, fillMinimal, nodeClient, openCrmPage, openPanel, startWorld, type World } from './harness';

const fixture = (crm: string) => FIXTURES.find((f) => f.crm === crm)!;
declare const chrome: {
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

/** Polls `read` until `done` holds for its value (the alarm's sync runs on its own schedule). */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}; last seen ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

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

    const fire = () => w.browser.worker.evaluate(() => chrome.alarms.create('escalations', { when: Date.now() }));
    const seen = () => w.browser.worker.evaluate(async () => (await chrome.storage.local.get('escalationsSeen')).escalationsSeen);
    await fire(); // first sync: remembers the current statuses
    await until(seen, (s) => (s as Record<string, string> | undefined)?.[ref] === 'new', `the first sync did not record ${ref} as new`);
    await nodeClient(w.server.url, w.server.demoTokens!.developer).incidents.ask.mutate({ ref, question: 'Which endpoint?' });
    await fire();
    const ids = await until(
      () => w.browser.worker.evaluate(() => chrome.notifications.getAll()),
      (n) => `inc-${ref}-needs_info` in n,
      `no notification for the question on ${ref}`,
    );
    expect(Object.keys(ids)).toEqual([`inc-${ref}-needs_info`]);
  });
});
