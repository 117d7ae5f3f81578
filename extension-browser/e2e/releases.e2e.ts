import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURES } from '../src/crm/fixtures/expected';
import { NO_CONTROL_MESSAGE, ReleaseFeedbackInputSchema, type Role } from '@handoff/shared';
import { maxLengthOf } from '../src/api/limits';
import { configure, nodeClient, openCrmPage, openPanelAs, screenshot, startWorld, type World } from './harness';
import { escalate, fixIt } from './loopHelpers';

const crmPath = FIXTURES.find((f) => f.crm === 'servicenow')!.path;

describe('release review by L1 and shipping (real Chromium, real server)', () => {
  let w: World;
  let crm: Page;
  let ref: string;
  beforeAll(async () => {
    w = await startWorld();
    crm = await openCrmPage(w.browser, w.fixtures.url + crmPath);
    const dev = nodeClient(w.server.url, w.server.demoTokens!.developer);
    ref = await escalate(nodeClient(w.server.url, w.token), 'Refund button does nothing', w.fixtures.url + crmPath);
    await fixIt(dev, ref, '5.0.0');
    await dev.releases.create.mutate({
      version: '5.0.0',
      plannedDate: '2026-12-01',
      notes: 'Refunds <i>work</i> again.',
      knownIssues: ['Exports are slower on large shops'],
    });
  });
  afterAll(async () => {
    await crm?.close();
    await w?.close();
  });
  const as = async (role: Role) => {
    expect(await configure(w.browser, w.server.url, w.server.demoTokens![role])).toBe('ok');
    await crm.bringToFront();
    return openPanelAs(w.browser, role);
  };

  it('a reviewer gives feedback per item and overall; the server has it; new feedback and releases arrive live', async () => {
    const panel = await as('reviewer');
    await panel.click('button[data-tab="releases"]');
    await panel.locator('.releases .live').waitFor();
    const release = panel.locator('.release[data-version="5.0.0"]');
    await release.waitFor();
    expect(await release.locator('.release-notes').textContent()).toBe('Refunds <i>work</i> again.');
    expect(await release.locator('h3').textContent()).toContain('2026-12-01');
    const fix = release.locator(`.release-item[data-kind="fix"][data-ref="${ref}"]`);
    expect(await fix.textContent()).toContain('Refund button does nothing');
    expect(await fix.locator('.meta').textContent()).toContain('1 customer(s)');

    // A concern without text is refused before it reaches the server.
    await fix.locator('.verdict-concern').click();
    expect(await fix.locator('.feedback-error').textContent()).toBe('A concern needs text: say what worries you.');
    await fix.locator('.feedback-text').fill('Partial refunds were not tested');
    await fix.locator('.verdict-concern').click();
    await fix.locator('.feedback-list li[data-verdict="concern"]', { hasText: 'Partial refunds were not tested' }).waitFor();
    const known = release.locator('.release-item[data-kind="known_issue"]');
    expect(await known.locator('.known-issue').textContent()).toBe('Exports are slower on large shops');
    await known.locator('.verdict-ready').click();
    await known.locator('.feedback-list li[data-verdict="ready"]').waitFor();
    // The text is as long as the server's schema allows, not longer.
    const overallText = release.locator('.release-overall .feedback-text');
    expect(await overallText.getAttribute('maxlength')).toBe(String(maxLengthOf(ReleaseFeedbackInputSchema.shape.text)));
    // What only the server checks comes back as its message, naming the field, beside the form.
    await overallText.fill('Fine \u0007 to ship');
    await release.locator('.release-overall .verdict-ready').click();
    const refusal = release.locator('.release-overall .feedback-error');
    await refusal.waitFor({ timeout: 10_000 });
    expect(await refusal.textContent()).toBe(`text: ${NO_CONTROL_MESSAGE}`);
    await screenshot(panel, 'releases-reviewer');
    await release.locator('.release-overall .feedback-text').fill('Fine to ship once refunds are checked');
    await release.locator('.release-overall .verdict-ready').click();
    await release.locator('.release-overall .feedback-list li[data-verdict="ready"]').waitFor();

    const lead = nodeClient(w.server.url, w.server.demoTokens!.lead);
    const stored = await lead.releases.byVersion.query({ version: '5.0.0' });
    const fixItem = stored.items.find((i) => i.incident?.reference === ref)!;
    expect(stored.feedback.map((f) => [f.itemId, f.verdict, f.text, f.reviewer.name])).toEqual(
      expect.arrayContaining([
        [fixItem.id, 'concern', 'Partial refunds were not tested', 'Rita Reviewer'],
        [stored.items.find((i) => i.kind === 'known_issue')!.id, 'ready', '', 'Rita Reviewer'],
        [null, 'ready', 'Fine to ship once refunds are checked', 'Rita Reviewer'],
      ]),
    );

    // Someone else's feedback and a newly planned release show up without a reload.
    await lead.releases.feedback.mutate({ version: '5.0.0', verdict: 'concern', text: 'Wait for the payment team' });
    await release.locator('.release-overall .feedback-list li', { hasText: 'Wait for the payment team' }).waitFor({ timeout: 10_000 });
    await nodeClient(w.server.url, w.server.demoTokens!.developer).releases.create.mutate({ version: '5.1.0', plannedDate: '2027-01-15' });
    await panel.locator('.release[data-version="5.1.0"]').waitFor({ timeout: 10_000 });
    await panel.close();
  });

  it('an agent has no Releases tab, and sees live when a release ships the fix of an escalation', async () => {
    const panel = await as('agent');
    await panel.click('button[data-tab="escalations"]');
    await panel.locator('.escalations .live').waitFor();
    const row = panel.locator(`.escalations li[data-ref="${ref}"]`);
    await row.locator('.verify-title', { hasText: 'Fixed in 5.0.0' }).waitFor({ timeout: 10_000 });
    await panel.locator('div.tabs[data-role="agent"]').waitFor(); // the role is known: the tab list is final
    expect(await panel.locator('button[data-tab="releases"]').count()).toBe(0);
    expect(await row.locator('.shipped').count()).toBe(0);

    await nodeClient(w.server.url, w.server.demoTokens!.developer).releases.ship.mutate({ version: '5.0.0' });
    const shipped = row.locator('.shipped[data-version="5.0.0"]');
    await shipped.waitFor({ timeout: 10_000 });
    expect(await shipped.textContent()).toContain('Shipped in 5.0.0');
    expect(await shipped.textContent()).toContain('tell the customer');
    await panel.close();
  });
});
