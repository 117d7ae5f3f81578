import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURES } from '../src/crm/fixtures/expected';
import { nodeClient, openCrmPage, openPanel, screenshot, startWorld, type World } from './harness';
import { escalate } from './loopHelpers';

const crmPath = FIXTURES.find((f) => f.crm === 'zendesk')!.path;

describe('service levels in My escalations (real Chromium, real server, real scheduler)', () => {
  let w: World;
  let panel: Page;
  let crm: Page;
  beforeAll(async () => {
    w = await startWorld();
    crm = await openCrmPage(w.browser, w.fixtures.url + crmPath);
    panel = (await openPanel(w.browser)).panel;
  });
  afterAll(async () => {
    await panel?.close();
    await crm?.close();
    await w?.close();
  });
  const agent = () => nodeClient(w.server.url, w.token);
  const row = (ref: string) => panel.locator(`.escalations li[data-ref="${ref}"]`);

  it('shows each promise with the time left, the most urgent first, yellow once the warning is raised, and what the customer was told', async () => {
    // A customer-facing critical policy whose warning comes after 1 % of a one-minute first response.
    await nodeClient(w.server.url, w.server.demoTokens!.lead).sla.policies.upsert.mutate({
      id: 'critical',
      name: 'Critical',
      severity: 'critical',
      calendar: 'always',
      firstResponseMinutes: 1,
      resolutionMinutes: 480,
      warnAtPercent: 1,
      customerFacing: true,
    });
    const crmUrl = w.fixtures.url + crmPath;
    const medium = await escalate(agent(), 'Export to CSV drops the last row', crmUrl); // demo: medium, 1 business day, internal
    const critical = await escalate(agent(), 'Checkout crashes for every customer', crmUrl);
    await agent().incidents.update.mutate({ ref: critical, patch: { severity: 'critical' } });

    await panel.click('button[data-tab="escalations"]');
    const warned = row(critical).locator('.sla[data-level="warning"]');
    await warned.waitFor({ timeout: 20_000 });
    expect(await warned.getAttribute('data-target')).toBe('first_response');
    expect(await warned.locator('.sla-left').textContent()).toMatch(/^First response: (0 min|1 min) left$/);
    const dueAt = (await agent().sla.ofIncident.query({ ref: critical }))!.targets[0]!.dueAt!;
    const promised = new Date(dueAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
    expect(await warned.locator('.promise').textContent()).toBe(` · customer told: we aim to respond by ${promised}`);
    expect(await warned.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(254, 243, 199)');

    // The internal medium policy: time left, no promise to the customer, neutral colour.
    const calm = row(medium).locator('.sla');
    expect(await calm.getAttribute('data-level')).toBe('ok');
    expect(await calm.locator('.promise').count()).toBe(0);
    // Most urgent first.
    const order = await panel.locator('.escalations li').evaluateAll((l) => l.map((e) => e.getAttribute('data-ref')));
    expect(order.indexOf(critical)).toBeLessThan(order.indexOf(medium));
    await screenshot(panel, 'escalations-sla');
  });

  it('shows L1 when to escalate on the capture form of a category that says so', async () => {
    await panel.click('button[data-tab="capture"]');
    await panel.selectOption('#f-category', 'crash');
    const hint = panel.locator('.questions .escalate-when');
    await hint.waitFor();
    expect(await hint.textContent()).toBe('Escalate when: the app crashes for more than one customer or data may be lost.');
    await screenshot(panel, 'capture-escalate-when', false);
  });
});
