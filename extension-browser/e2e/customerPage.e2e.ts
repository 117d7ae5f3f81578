import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser as PwBrowser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../src/crm/fixtures/expected';
import { adapterById } from '../src/crm/registry';
import { fillMinimal, fullIncident, nodeClient, openCrmPage, openPanel, screenshot, startWorld, type World } from './harness';

const zendesk = FIXTURES.find((f) => f.crm === 'zendesk')!;
/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The customer's own browser: real Chromium without the extension, a second browser altogether. */
async function customerBrowser(): Promise<PwBrowser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

describe("the customer's page with the side panel (real Chromium, real server)", () => {
  let w: World;
  let customer: PwBrowser;
  let panel: Page;
  let url = '';
  let ref = '';
  beforeAll(async () => {
    w = await startWorld();
    customer = await customerBrowser();
  });
  afterAll(async () => {
    await customer?.close();
    await w?.close();
  });
  const dev = () => nodeClient(w.server.url, w.server.demoTokens!.developer);

  it('the agent shares the incident right after capturing it and inserts the link into the CRM reply', async () => {
    const crm = await openCrmPage(w.browser, w.fixtures.url + zendesk.path);
    panel = (await openPanel(w.browser)).panel;
    await panel.setViewportSize({ width: 420, height: 900 });
    await fillMinimal(panel);
    await panel.click('button.submit');
    ref = (await panel.locator('[data-testid="reference"]').textContent({ timeout: 15_000 }))!;
    expect(await panel.locator('.share-box').getAttribute('data-shared')).toBe('no');
    await panel.fill('.share-email input', 'jane@example.com');
    await panel.click('.share-box button.share');
    url = (await panel.locator('.share-url').textContent({ timeout: 10_000 }))!;
    expect(url).toMatch(new RegExp(`^${w.server.url}/c/[A-Za-z0-9_-]{43}$`));
    await panel.locator('.share-box[data-shared="yes"]').waitFor();
    await panel.click('.share-box button.insert-link');
    await panel.locator('.share-box .note', { hasText: 'Inserted' }).waitFor();
    const note = crm.locator(adapterById('zendesk')!.noteSelector!);
    expect(await note.textContent()).toBe(`You can follow your request ${ref} here: ${url}`);
    await screenshot(panel, 'customer-share-after-capture');
    await crm.close();
  });

  it('the customer opens the page in their own browser: readable, accessible, at phone width too', async () => {
    const context = await customer.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(url);
    expect(await page.locator('h1').textContent()).toBe((await fullIncident(nodeClient(w.server.url, w.token), ref)).title);
    expect(await page.locator('#status').textContent()).toBe('We have received your report');
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'customer-page-desktop');
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'customer-page-phone');
    await context.close();
  });

  it("the customer's comment appears live in My escalations; a developer's visible reply appears live on the page", async () => {
    await panel.click('button[data-tab="escalations"]');
    await panel.locator('.escalations .live').waitFor();
    const row = panel.locator(`.escalations li[data-ref="${ref}"]`);
    await row.locator('.toggle-detail').click();
    await row.locator('.escalation-detail').waitFor();

    const context = await customer.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(url);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await page.locator('.live-note:not([hidden])').waitFor(); // the live stream is open
    await page.fill('#comment-text', 'Es passiert auch in <b>Firefox</b>.');
    await page.click('form.comment button[type="submit"]');
    await page.locator('.notice', { hasText: 'Danke' }).waitFor();
    expect(await page.locator('#history .entry-yours .text').last().textContent()).toBe('Es passiert auch in <b>Firefox</b>.');

    const entry = row.locator('.timeline li[data-kind="customer_comment"]');
    await entry.waitFor({ state: 'attached', timeout: 10_000 });
    expect(await entry.locator('.text').textContent()).toBe('Es passiert auch in <b>Firefox</b>.');
    expect(await entry.locator('.badge.customer-visible').count()).toBe(1);

    await dev().incidents.comment.mutate({ ref, text: 'Danke, wir prüfen Firefox.', visibleToCustomer: true });
    await dev().incidents.comment.mutate({ ref, text: 'INTERNAL: Firefox build is flaky' });
    const reply = page.locator('#history .entry-message .text', { hasText: 'Danke, wir prüfen Firefox.' });
    await reply.waitFor({ timeout: 10_000 });
    await row
      .locator('.timeline li[data-kind="comment"] .text', { hasText: 'INTERNAL: Firefox build is flaky' })
      .waitFor({ state: 'attached', timeout: 10_000 });
    expect(await page.content()).not.toContain('INTERNAL');
    await row.locator('.timeline').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await screenshot(panel, 'customer-comment-in-escalations');
    await screenshot(page, 'customer-page-live-reply');
    await context.close();
  });

  it('works without JavaScript: the page reads in full and the form posts', async () => {
    const context = await customer.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(url);
    expect(await page.locator('#status').textContent()).toBe('Nous avons reçu votre signalement');
    expect(await page.locator('#history .entry-message .text').allTextContents()).toEqual(['Danke, wir prüfen Firefox.']);
    await page.fill('#comment-text', 'Sans JavaScript aussi.');
    await page.setInputFiles('#comment-image', { name: 'capture.png', mimeType: 'image/png', buffer: PNG });
    await page.click('form.comment button[type="submit"]');
    await page.locator('.notice').waitFor();
    expect(await page.locator('#history .entry-yours .text').last().textContent()).toBe('Sans JavaScript aussi.');
    const incident = await fullIncident(nodeClient(w.server.url, w.token), ref);
    expect(incident.timeline.filter((e) => e.kind === 'customer_comment').map((e) => e.text)).toEqual([
      'Es passiert auch in <b>Firefox</b>.',
      'Sans JavaScript aussi.',
    ]);
    await context.close();
  });

  it("the agent relays a developer's question to the customer's page from My escalations; the page says e-mail updates are off here", async () => {
    await dev().incidents.ask.mutate({ ref, question: 'INTERNAL wording: does their SSO go through Okta?' });
    const row = panel.locator(`.escalations li[data-ref="${ref}"]`);
    const relay = row.locator('.relay-question');
    await relay.waitFor({ timeout: 10_000 });
    await relay.locator('summary').click();
    expect(await relay.locator('textarea').inputValue()).toBe('INTERNAL wording: does their SSO go through Okta?');
    await relay.locator('textarea').fill('Do you sign in through Okta?');
    await screenshot(panel, 'relay-question-in-escalations');
    await relay.locator('button.relay-send').click();
    await row.locator('.relay-done').waitFor({ timeout: 10_000 });

    const context = await customer.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(url);
    expect(await page.locator('#history .entry-message .text').last().textContent()).toBe('Do you sign in through Okta?');
    expect(await page.content()).not.toContain('INTERNAL wording');
    // The image the customer sent without JavaScript: on their page, and named on the comment in the panel.
    const img = page.locator('#history .entry-yours img');
    expect(await img.count()).toBe(1);
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
    expect(await row.locator('.timeline li[data-kind="customer_comment"] .entry-attachment').allTextContents()).toEqual([
      ' · image: capture.png',
    ]);
    expect(await page.locator('#mail-off').textContent()).toBe(
      'E-mail updates are off on this server: no mails are sent. Follow this page or its feed instead.',
    );
    expect(await axeProblems(page)).toEqual([]);
    await page.locator('#mail').scrollIntoViewIfNeeded();
    await screenshot(page, 'customer-page-mail-off');
    await context.close();
  });
});
