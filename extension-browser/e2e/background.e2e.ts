import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../src/crm/fixtures/expected';
import { configure, fillMinimal, fullIncident, nodeClient, openCrmPage, openPanel, startWorld, type World } from './harness';
import { escalate, fixIt } from './loopHelpers';

const fixture = (crm: string) => FIXTURES.find((f) => f.crm === crm)!;
declare const chrome: {
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> };
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

  it('with the panel shut, the alarm sync tells me when someone else closed my incident — once, and never my own close', async () => {
    const client = (role: 'agent' | 'developer' | 'lead') => nodeClient(w.server.url, w.server.demoTokens![role]);
    const fire = () => w.browser.worker.evaluate(() => chrome.alarms.create('escalations', { when: Date.now() }));
    const seen = () =>
      w.browser.worker.evaluate(async () => (await chrome.storage.local.get('escalationsSeen')).escalationsSeen as Record<string, string>);
    const notifications = () => w.browser.worker.evaluate(() => chrome.notifications.getAll());
    const theirs = await escalate(client('agent'), 'Invoice PDF is blank', 'https://example.service-now.com/INC0010077');
    const mine = await escalate(client('agent'), 'Search ignores accents', 'https://example.service-now.com/INC0010078');
    for (const ref of [theirs, mine]) await fixIt(client('developer'), ref, '4.2.4');
    await fire();
    await until(seen, (s) => s?.[theirs] === 'fixed' && s[mine] === 'fixed', 'the sync did not record both as fixed');
    for (const id of Object.keys(await notifications())) await w.browser.worker.evaluate((n) => chrome.notifications.clear(n), id);

    // A lead closes one after verifying with the customer; the agent closes the other themselves.
    await client('lead').incidents.transition.mutate({ ref: theirs, to: 'verified' });
    await client('lead').incidents.transition.mutate({ ref: theirs, to: 'closed' });
    await client('agent').incidents.transition.mutate({ ref: mine, to: 'verified' });
    await client('agent').incidents.transition.mutate({ ref: mine, to: 'closed' });
    const closeOf = async (ref: string) =>
      (await fullIncident(client('agent'), ref)).timeline.find((e) => e.kind === 'status_changed' && e.data.to === 'closed')!;
    const [theirClose, myClose] = [await closeOf(theirs), await closeOf(mine)];
    await fire();
    await until(seen, (s) => s?.[theirs] === 'closed' && s[mine] === 'closed', 'the sync did not see both closes');
    const shown = await until(notifications, (n) => `customer-${theirClose.id}` in n, `no notification for the close of ${theirs}`);
    expect(Object.keys(shown)).toEqual([`customer-${theirClose.id}`]);
    expect(`customer-${myClose.id}` in shown).toBe(false);
    // Once: a later sync (it tells of a question on a third incident) does not show the close again.
    await w.browser.worker.evaluate((id) => chrome.notifications.clear(id), `customer-${theirClose.id}`);
    const third = await escalate(client('agent'), 'Avatar upload times out', 'https://example.service-now.com/INC0010079');
    await fire();
    await until(seen, (s) => s?.[third] === 'new', `the sync did not record ${third}`);
    await client('developer').incidents.ask.mutate({ ref: third, question: 'Which file size?' });
    await fire();
    const later = await until(notifications, (n) => `inc-${third}-needs_info` in n, `no notification for the question on ${third}`);
    expect(Object.keys(later)).toEqual([`inc-${third}-needs_info`]);
  });
});
