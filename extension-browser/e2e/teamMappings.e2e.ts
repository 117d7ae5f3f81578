// biome-ignore lint/suspicious/noExplicitAny: the extension's chrome global, used only inside evaluate()
declare const chrome: any;
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../src/crm/fixtures/corpus';
import { type Browser, configure, fillMinimal, launchBrowser, openCrmPage, openPanel, screenshot, startWorld, type World } from './harness';
import { teach } from './teachHelpers';

const uvdesk = CORPUS.find((p) => p.file === 'generic/uvdesk-77.html')!;

describe('a lead teaches a helpdesk once for the whole team (real Chromium ×2, real server)', () => {
  let w: World;
  let lead: Browser;
  beforeAll(async () => {
    w = await startWorld(); // its browser is the agent's, a fresh profile that never saw the site
    lead = await launchBrowser();
    const reason = await configure(lead, w.server.url, w.server.demoTokens!.lead);
    if (reason !== 'ok') throw new Error(`lead's options check said ${reason}`);
  });
  afterAll(async () => {
    await lead?.close();
    await w?.close();
  });

  it('the lead teaches the site and shares it; the agent opens a ticket there and the shared fields read it', async () => {
    const url = w.fixtures.url + uvdesk.path;
    const origin = new URL(url).origin;

    // The lead teaches the reply field and the subject on the helpdesk, in their own panel.
    const leadCrm = await openCrmPage(lead, url);
    const { panel: leadPanel } = await openPanel(lead);
    await teach(leadPanel, leadCrm, 'note', '#uv-edit-reply-text');
    const taughtSubject = await teach(leadPanel, leadCrm, 'subject', 'h1.uv-ticket-subject');
    expect(await taughtSubject.locator('.teach-preview').textContent()).toBe(uvdesk.expected.title);
    await leadPanel.close();

    // … and shares it with team "accounts" from the options.
    const options = await lead.context.newPage();
    await options.goto(`chrome-extension://${lead.id}/options.html`);
    const site = options.locator(`.taught-sites li[data-origin="${origin}"]`);
    await site.locator('select').selectOption('accounts');
    await site.locator('button.share-with-team').click();
    expect(await site.locator('.share-result').textContent()).toBe(
      ' Shared with team accounts: everyone in it now reads this site with these fields.',
    );
    const listed = options.locator(`.team-mappings li[data-origin="${origin}"][data-team="accounts"]`);
    await listed.waitFor();
    expect(await listed.textContent()).toContain('team accounts, shared by Lee Lead');
    await options.setViewportSize({ width: 900, height: 1400 });
    await screenshot(options, 'options-share-with-team');
    await options.close();

    // The agent (team accounts, nothing taught on this browser) opens a ticket on the site.
    const agentSettings = await w.browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    expect(agentSettings.siteMappings).toEqual({});
    const crm = await openCrmPage(w.browser, url);
    const { panel } = await openPanel(w.browser);
    await panel.setViewportSize({ width: 400, height: 1000 });
    if ((await panel.locator('details.teach').getAttribute('open')) === null) await panel.click('details.teach > summary');
    expect(
      await panel.locator('.teach li[data-taught="yes"] button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-teach'))),
    ).toEqual(['subject', 'note']);
    expect(await panel.locator('.teach li:has(button[data-teach="subject"]) .teach-preview').textContent()).toBe(uvdesk.expected.title);
    expect(await panel.locator('.teach li[data-taught="yes"] .teach-from-team').allTextContents()).toEqual([
      ' shared by your team',
      ' shared by your team',
    ]);
    expect(await panel.inputValue('input[name="title"]')).toBe(uvdesk.expected.title);
    expect(await panel.inputValue('input[name="customer.name"]')).toBe(uvdesk.expected.customerName);
    expect(await panel.inputValue('textarea[name="description"]')).toContain('all our users are logged out');
    await screenshot(panel, 'team-mapping-agent-panel', false);

    // The shared note field makes "Insert into ticket note" work for the agent too.
    await fillMinimal(panel, 'data');
    await panel.locator('textarea[name="description"]').press('Control+Enter');
    const ref = (await panel.locator('[data-testid="reference"]').textContent({ timeout: 15_000 }))!;
    await panel.click('button.insert-note');
    await panel.locator('.result .note', { hasText: 'Inserted' }).waitFor();
    expect(await crm.inputValue('#uv-edit-reply-text')).toBe(`Escalated to development as ${ref} (Handoff).`);
    await panel.close();
    await crm.close();
  });

  it("when the lead withdraws the site, the agent's panel stops using it on the next ticket read", async () => {
    const url = w.fixtures.url + uvdesk.path;
    const origin = new URL(url).origin;
    const options = await lead.context.newPage();
    await options.goto(`chrome-extension://${lead.id}/options.html`);
    await options.locator(`.team-mappings li[data-origin="${origin}"] button.withdraw-mapping`).click();
    await options.locator(`.team-mappings li[data-origin="${origin}"]`).waitFor({ state: 'detached' });
    await options.close();

    const crm = await openCrmPage(w.browser, url);
    const { panel } = await openPanel(w.browser);
    await expect.poll(() => panel.locator('.teach li[data-taught="yes"]').count()).toBe(0);
    await panel.close();
    await crm.close();
  });
});
