// biome-ignore lint/suspicious/noExplicitAny: the extension's chrome global, used only inside evaluate()
declare const chrome: any;
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../src/crm/fixtures/corpus';
import { FIXTURES } from '../src/crm/fixtures/expected';
import { fillMinimal, fullIncident, nodeClient, openCrmPage, openPanel, screenshot, startWorld, type World } from './harness';
import { teach } from './teachHelpers';

const corpus = (file: string) => CORPUS.find((p) => p.file === file)!;
const fixture = (crm: string) => FIXTURES.find((f) => f.crm === crm)!;

type StoredDraft = { description?: string; customer?: { org?: string } };
async function drafts(w: World): Promise<Record<string, StoredDraft>> {
  const all: Record<string, StoredDraft> = await w.browser.worker.evaluate(async () => chrome.storage.local.get(null));
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('draft:')));
}

describe('capture on a helpdesk no adapter covers (real Chromium, real server)', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => w?.close());

  it('with no ticket tab open, the Capture tab says so at once instead of "Loading…"', async () => {
    const panel = await w.browser.context.newPage();
    await panel.goto(`chrome-extension://${w.browser.id}/sidepanel.html`);
    const empty = panel.locator('main p.empty');
    await empty.waitFor();
    expect(await empty.textContent()).toBe('Open a CRM ticket in a tab to capture it.');
    expect(await panel.locator('main .loading').count()).toBe(0);
    await panel.close();
  });

  it('reads osTicket unseen, teaching mid-capture keeps what the agent typed and the draft, and the note field taught once takes the reference', async () => {
    const page = corpus('generic/osticket-322302.html');
    const url = w.fixtures.url + page.path;
    const crm = await openCrmPage(w.browser, url);
    const { panel } = await openPanel(w.browser);
    await panel.setViewportSize({ width: 400, height: 1000 });
    expect(await panel.textContent('header.ticket .crm')).toBe('osTicket');
    expect(await panel.textContent('.ticket-id')).toBe(' · 322302');
    expect(await panel.inputValue('input[name="title"]')).toBe(page.expected.title);
    expect(await panel.inputValue('input[name="customer.name"]')).toBe('Jane Doe');
    expect(await panel.inputValue('input[name="customer.email"]')).toBe('jane.doe@brightwave.example');
    const description = await panel.inputValue('textarea[name="description"]');
    expect(description).toContain('2. Select any invoice from November\n3. Click "Export PDF"');
    expect(description).toContain('We are on version 5.3.1. It also happens in Chrome.');
    // steps and environment from the customer's text, one click each
    expect(await panel.locator('.offer-steps li').allTextContents()).toEqual([
      'Open Billing > Invoices',
      'Select any invoice from November',
      'Click "Export PDF"',
    ]);
    expect(await panel.locator('details.teach').getAttribute('open')).toBeNull(); // the form comes first
    await screenshot(panel, 'capture-any-site-osticket', false);
    await panel.click('button.use-steps');
    expect(await panel.inputValue('textarea[name="steps.2.action"]')).toBe('Click "Export PDF"');
    await panel.click('button.use-environment');
    expect(await panel.inputValue('input[name="environment.os"]')).toBe('Windows 11');
    expect(await panel.inputValue('input[name="version"]')).toBe('5.3.1');

    // The agent types, then teaches a field: nothing typed changes, and the draft stays under its key.
    await panel.fill('textarea[name="description"]', 'Customer on the phone: every export is empty since Monday.');
    await panel.fill('input[name="customer.org"]', 'Brightwave (typed)');
    await panel.fill('input[name="title"]', 'Typed title');
    const row = await teach(panel, crm, 'ticketId', '.flush-left h2 a');
    expect(await row.locator('.teach-preview').textContent()).toBe('322302');
    await teach(panel, crm, 'note', '#response');
    expect(await panel.inputValue('textarea[name="description"]')).toBe('Customer on the phone: every export is empty since Monday.');
    expect(await panel.inputValue('input[name="customer.org"]')).toBe('Brightwave (typed)');
    expect(await panel.inputValue('input[name="title"]')).toBe('Typed title');
    await expect
      .poll(async () => Object.entries(await drafts(w)).map(([k, d]) => [k, d.customer?.org]), { timeout: 5_000 })
      .toEqual([[`draft:other:${url}`, 'Brightwave (typed)']]);
    await screenshot(panel, 'teach-mid-capture', false);

    await fillMinimal(panel, 'data');
    await panel.locator('textarea[name="description"]').press('Control+Enter'); // sends from the keyboard
    const ref = (await panel.locator('[data-testid="reference"]').textContent({ timeout: 15_000 }))!;
    const incident = await fullIncident(nodeClient(w.server.url, w.token), ref);
    expect(incident).toMatchObject({
      title: 'Typed title',
      customer: { name: 'Jane Doe', email: 'jane.doe@brightwave.example', org: 'Brightwave (typed)' },
      crm: { system: 'other', ticketId: '322302', url },
      environment: { os: 'Windows 11', browser: 'Firefox 132' },
      version: '5.3.1',
    });
    expect(incident.steps.map((s) => s.action)).toEqual([
      'Open Billing > Invoices',
      'Select any invoice from November',
      'Click "Export PDF"',
    ]);
    await panel.click('button.insert-note');
    await panel.locator('.result .note', { hasText: 'Inserted' }).waitFor();
    expect(await crm.inputValue('#response')).toBe(`Escalated to development as ${ref} (Handoff).`);
    await panel.close();
    await crm.close();
  });

  it('on the next ticket of the taught site the taught fields read it, and a field finding nothing is flagged', async () => {
    const origin = new URL(w.fixtures.url).origin;
    await w.browser.worker.evaluate(async (o: string) => {
      const { settings } = await chrome.storage.local.get('settings');
      settings.siteMappings[o] = { ...settings.siteMappings[o], customerOrg: { css: '.no-such-thing' } };
      await chrome.storage.local.set({ settings });
    }, origin);
    const page = corpus('generic/osticket-322530.html');
    const crm = await openCrmPage(w.browser, w.fixtures.url + page.path);
    const { panel } = await openPanel(w.browser);
    await panel.setViewportSize({ width: 400, height: 900 });
    expect(await panel.textContent('.ticket-id')).toBe(' · 322530');
    expect(await panel.inputValue('input[name="title"]')).toBe(page.expected.title);
    const warned = panel.locator('.teach li:has(button[data-teach="customerOrg"]) .teach-warning');
    expect(await warned.textContent()).toBe('Found nothing on this page — click it again');
    await screenshot(panel, 'teach-warning-next-ticket', false);
    await panel.close();
    await crm.close();
  });

  it('shows only the ticket of the tab in front: another tab never stays, a non-ticket tab says so', async () => {
    const zendesk = await openCrmPage(w.browser, w.fixtures.url + fixture('zendesk').path);
    const { panel } = await openPanel(w.browser);
    expect(await panel.textContent('.ticket-id')).toBe(' · 4711');
    const blank = await w.browser.context.newPage();
    await blank.bringToFront();
    await blank.goto('about:blank');
    await blank.goto('data:text/html,<h1>Not a ticket</h1>');
    await panel.locator('main p.empty').waitFor();
    expect(await panel.locator('.ticket-id').count()).toBe(0);
    const freshdesk = await openCrmPage(w.browser, w.fixtures.url + fixture('freshdesk').path, blank);
    await panel.locator('.ticket-id', { hasText: '1288' }).waitFor();
    expect(await panel.inputValue('input[name="customer.name"]')).toBe('Tom Becker');
    await zendesk.bringToFront();
    await panel.locator('.ticket-id', { hasText: '4711' }).waitFor();
    expect(await panel.inputValue('input[name="customer.name"]')).toBe('Maria Lopez');
    await panel.close();
    await freshdesk.close();
    await zendesk.close();
  });

  it('validation messages go as soon as their field is fixed', async () => {
    const crm = await openCrmPage(w.browser, w.fixtures.url + fixture('zendesk').path);
    const { panel } = await openPanel(w.browser);
    await panel.fill('input[name="product"]', '');
    await panel.click('button.submit');
    await panel.locator('.field[data-field="category"].has-error').waitFor();
    expect(await panel.locator('.field[data-field="product"].has-error').count()).toBe(1);
    await panel.selectOption('#f-category', 'login');
    await panel.locator('.field[data-field="category"].has-error').waitFor({ state: 'detached' });
    expect(await panel.locator('.field[data-field="product"].has-error').count()).toBe(1);
    await panel.fill('input[name="product"]', 'Shop');
    await panel.locator('.field[data-field="product"].has-error').waitFor({ state: 'detached' });
    await panel.close();
    await crm.close();
  });
});
