import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../src/crm/fixtures/expected';
import { fullIncident, nodeClient, openCrmPage, openPanel, screenshot, startWorld, type World } from './harness';
import { escalate, fixIt } from './loopHelpers';

declare const chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } };

describe('everyone involved is told at close: the reporting agent’s side panel (real Chromium, real server)', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => w?.close());

  it('a lead closes the agent’s incident: the open panel notifies the agent at once', async () => {
    const client = (role: 'agent' | 'developer' | 'lead') => nodeClient(w.server.url, w.server.demoTokens![role]);
    const ref = await escalate(client('agent'), 'Checkout freezes on submit', 'https://example.service-now.com/INC0010042');
    // The panel beside a helpdesk ticket, as an agent works.
    await openCrmPage(w.browser, w.fixtures.url + FIXTURES.find((f) => f.crm === 'zendesk')!.path);
    const { panel } = await openPanel(w.browser);
    await panel.click('button[data-tab="escalations"]');
    await panel.locator('.escalations .live').waitFor();
    await panel.locator(`.escalations li[data-ref="${ref}"]`).waitFor();
    const notifications = () => panel.evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(await notifications())).toEqual([]);

    await fixIt(client('developer'), ref, '4.2.3');
    await client('lead').incidents.transition.mutate({ ref, to: 'verified' });
    await client('lead').incidents.transition.mutate({ ref, to: 'closed' });
    const closed = (await fullIncident(client('agent'), ref)).timeline.find((e) => e.kind === 'status_changed' && e.data.to === 'closed')!;
    await expect.poll(async () => Object.keys(await notifications()), { timeout: 15_000 }).toEqual([`customer-${closed.id}`]);
    await screenshot(panel, 'close-notice-escalations');
  });
});
