// A lead shapes a question list in the staff console and the agent's side panel follows it:
// the console (real Chromium) adds a conditional question, its preview — the panel's own
// component — shows and hides it as answers change, the save is a new version, and the browser
// extension (loaded in the same Chromium) asks the question only when its condition holds.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '@handoff/server';
import { FIXTURES } from '../../extension-browser/src/crm/fixtures/expected';
import { type Browser, configure, launchBrowser, openCrmPage, openPanel, startFixtureServer } from '../../extension-browser/e2e/harness';

const SHOTS = resolve(__dirname, '../../server/.screenshots');
const CARD_BRAND = '[data-field="answers.card_brand"]';

describe('question lists: edited in the console, asked in the side panel (real Chromium, real server)', () => {
  let dir: string;
  let server: RunningServer;
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
  let browser: Browser;
  let consolePage: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'handoff-questions-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir, demo: true });
    fixtures = await startFixtureServer();
    browser = await launchBrowser();
    expect(await configure(browser, server.url, server.demoTokens!.agent)).toBe('ok');
  });
  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a lead adds a question with a condition; the preview shows and hides it live; saving makes version 2', async () => {
    consolePage = await browser.context.newPage();
    await consolePage.setViewportSize({ width: 1400, height: 900 });
    await consolePage.goto(`${server.url}/console/#/templates`);
    await consolePage.getByLabel('Personal token').fill(server.demoTokens!.lead);
    await consolePage.getByRole('button', { name: 'Sign in' }).click();
    await consolePage.getByRole('heading', { name: 'Question lists', level: 1 }).waitFor();
    await consolePage.getByLabel('Category').selectOption('billing');
    await consolePage.getByTestId('current-version').getByText('Current version: 1').waitFor();

    await consolePage.getByRole('button', { name: 'Add a question' }).click();
    const added = consolePage.locator('.question-list > li').last();
    await added.getByLabel('Question', { exact: true }).fill('Which card brand was charged?');
    await added.getByLabel('Id', { exact: true }).fill('card_brand');
    await added.getByLabel('Why we ask it').fill('Disputes go through the network of that card brand.');
    // Only the questions above it are offered as a condition.
    const offered = await added.getByLabel('Ask only when').locator('option').allTextContents();
    expect(offered).toEqual([
      '— always ask —',
      'Which invoice or order number is affected?',
      'What amount did the customer expect, and what were they charged?',
      'Which payment method (card, invoice, PayPal, …)?',
      'Did the customer change plan or seats recently?',
    ]);
    await added.getByLabel('Ask only when').selectOption('payment_method');
    await added.getByRole('checkbox', { name: 'Card' }).check();

    const preview = consolePage.getByTestId('panel-preview');
    const method = preview.locator('select[name="answers.payment_method"]');
    // The preview follows the condition once it is set (a render after the tick).
    await expect.poll(() => preview.locator(CARD_BRAND).count()).toBe(0);
    await method.selectOption('Card');
    await preview.locator(CARD_BRAND).waitFor();
    expect(await preview.locator(`${CARD_BRAND} .hint`).textContent()).toBe(
      'Why we ask: Disputes go through the network of that card brand.',
    );
    await consolePage.screenshot({ path: join(SHOTS, 'console-templates.png'), fullPage: true });
    await method.selectOption('PayPal');
    await preview.locator(CARD_BRAND).waitFor({ state: 'detached' });

    await consolePage.getByRole('button', { name: 'Save as version 2' }).click();
    await consolePage.getByText('Saved as version 2.').waitFor();
    await consolePage.getByTestId('current-version').getByText('Current version: 2').waitFor();
    const newest = consolePage.getByRole('table', { name: 'Versions' }).locator('tbody tr').first();
    expect(await newest.locator('td').nth(0).textContent()).toBe('2');
    expect(await newest.locator('td').nth(2).textContent()).toBe('Lee Lead');
    const saved = (await server.services.store.latestTemplate('billing'))!;
    expect(saved.questions.at(-1)).toEqual({
      id: 'card_brand',
      text: 'Which card brand was charged?',
      why: 'Disputes go through the network of that card brand.',
      required: false,
      kind: 'text',
      showIf: { question: 'payment_method', equals: 'Card' },
    });
  });

  it('the side panel asks the new question only while the payment method is "Card"', async () => {
    await openCrmPage(browser, fixtures.url + FIXTURES[0]!.path);
    const { panel } = await openPanel(browser);
    await panel.selectOption('#f-category', 'billing');
    const method = panel.locator('select[name="answers.payment_method"]');
    await method.waitFor();
    expect(await panel.locator(CARD_BRAND).count()).toBe(0);
    await method.selectOption('Card');
    await panel.locator(CARD_BRAND).waitFor();
    expect(await panel.locator(`${CARD_BRAND} label`).textContent()).toBe('Which card brand was charged?');
    await method.selectOption('Invoice / bank transfer');
    await panel.locator(CARD_BRAND).waitFor({ state: 'detached' });
  });

  it('the audit log shows the template save with the question added', async () => {
    const [entry] = await server.services.admin.listAudit({ limit: 1, action: 'template.save', target: 'template billing' });
    expect(entry).toMatchObject({ actor: { name: 'Lee Lead' }, after: { version: 2 } });
    expect((entry!.after as { questions: { id: string }[] }).questions.map((q) => q.id)).toContain('card_brand');
    // An admin finds it in the console's audit view.
    await consolePage.goto(`${server.url}/console/`);
    await consolePage.getByRole('button', { name: 'Sign out' }).click();
    await consolePage.getByLabel('Personal token').fill(server.demoTokens!.admin);
    await consolePage.getByRole('button', { name: 'Sign in' }).click();
    await consolePage.getByRole('link', { name: 'Audit log' }).click();
    await consolePage.getByLabel('Action').selectOption('template.save');
    await consolePage.getByRole('button', { name: 'Apply' }).click();
    // Once the filter applies, every row is a template save.
    await expect
      .poll(async () => new Set(await consolePage.locator('tbody tr td:nth-child(3)').allTextContents()))
      .toEqual(new Set(['template.save']));
    const row = consolePage.getByRole('row', { name: /template billing/ });
    await row.waitFor();
    expect(await row.locator('[data-field="version"] ins').textContent()).toBe('2');
    expect(await row.locator('[data-field="version"] del').textContent()).toBe('1');
  });
});
