import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@handoff/server';
import { FIXTURES } from '../src/crm/fixtures/expected';
import { adapterById } from '../src/crm/registry';
import {
  answerQuestions,
  configure,
  fullIncident,
  launchBrowser,
  nodeClient,
  openCrmPage,
  openPanel,
  screenshot,
  startFixtureServer,
  type Browser,
} from './harness';

const CATEGORIES = ['login', 'installation', 'billing', 'performance', 'data', 'integration', 'crash'];
const timings: Record<string, number> = {};

describe('capture in real Chromium against each CRM fixture and a real server', () => {
  let server: RunningServer;
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
  let browser: Browser;
  let dataDir: string;
  let token: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'handoff-e2e-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, demo: true });
    token = server.demoTokens!.agent;
    fixtures = await startFixtureServer();
    browser = await launchBrowser();
    expect(await configure(browser, server.url, token)).toBe('ok');
  });
  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
    const out = join(dirname(fileURLToPath(import.meta.url)), '../e2e-results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'panel-ready-ms.json'), JSON.stringify(timings, null, 2));
  });

  it.each(FIXTURES.map((f, i) => ({ ...f, category: CATEGORIES[i % CATEGORIES.length]! })))(
    '$crm: auto-fill, category questions, submit, reference, incident on the server',
    async (fx) => {
      const url = fixtures.url + fx.path;
      const crm = await openCrmPage(browser, url);
      const { panel, readyMs } = await openPanel(browser);
      timings[fx.crm] = readyMs;

      expect(await panel.inputValue('input[name="title"]')).toBe(fx.expected.subject);
      expect(await panel.inputValue('input[name="customer.name"]')).toBe(fx.expected.customerName);
      expect(await panel.inputValue('input[name="customer.email"]')).toBe(fx.expected.customerEmail ?? '');
      expect(await panel.inputValue('input[name="customer.org"]')).toBe(fx.expected.customerOrg ?? '');
      expect(await panel.inputValue('textarea[name="description"]')).toContain(fx.messageHas);
      expect(await panel.textContent('.ticket-id')).toContain(fx.expected.ticketId);
      expect(await panel.textContent('header.ticket .crm')).toBe(adapterById(fx.crm)!.label);
      await panel.setViewportSize({ width: 400, height: 700 });
      await screenshot(panel, `capture-${fx.crm}`, false);

      await panel.selectOption('#f-category', fx.category);
      await panel.locator('.questions .field').first().waitFor();
      expect(await panel.locator('.questions .hint').first().textContent()).toMatch(/^Why we ask: .{3,}/);
      // Required questions are enforced before anything is sent.
      await panel.fill('input[name="product"]', 'Shop');
      await panel.click('button.submit');
      const requiredErrors = await panel.locator('.questions .error').count();
      expect(requiredErrors).toBeGreaterThan(0);

      const answers = await answerQuestions(panel);
      await panel.fill('input[name="version"]', '4.2.0');
      await panel.fill('textarea[name="steps.0.action"]', 'Open the ticket view');
      await panel.fill('input[name="steps.0.actual"]', 'Error shown');
      await panel.click('button.add-step');
      await panel.fill('textarea[name="steps.1.action"]', 'Reload');
      await panel.click('button[aria-label="Move up"] >> nth=1');
      await panel.selectOption('#f-severity', 'high');
      await panel.click('button.submit');
      const ref = (await panel.locator('[data-testid="reference"]').textContent({ timeout: 15_000 }))!;
      expect(ref).toMatch(/^INC-\d+$/);

      const incident = await fullIncident(nodeClient(server.url, token), ref);
      expect(incident).toMatchObject({
        title: fx.expected.subject,
        category: fx.category,
        product: 'Shop',
        version: '4.2.0',
        severity: 'high',
        customer: { name: fx.expected.customerName },
        crm: { system: fx.crm, ticketId: fx.expected.ticketId, url },
        steps: [{ action: 'Reload' }, { action: 'Open the ticket view', actual: 'Error shown' }],
      });
      for (const [id, value] of Object.entries(answers)) expect(incident.answers[id]).toBe(value);

      // The reference is copyable with one click.
      // (Chrome grants no clipboard-read to an extension origin in tests, so record what is written.)
      await panel.evaluate(() => {
        const write = navigator.clipboard.writeText.bind(navigator.clipboard);
        navigator.clipboard.writeText = (text: string) => {
          document.body.dataset.copied = text;
          return write(text);
        };
      });
      await panel.click('button.copy');
      await panel.locator('.result .note', { hasText: 'Copied' }).waitFor();
      expect(await panel.getAttribute('body', 'data-copied')).toBe(ref);

      // Where the CRM has an internal-note field, the reference goes into it as text.
      const noteSelector = adapterById(fx.crm)!.noteSelector;
      expect(await panel.locator('button.insert-note').count()).toBe(noteSelector ? 1 : 0);
      if (noteSelector) {
        await panel.click('button.insert-note');
        await panel.locator('.result .note', { hasText: 'Inserted' }).waitFor();
        const note = crm.locator(noteSelector);
        expect((await note.inputValue().catch(() => null)) ?? (await note.textContent())).toBe(
          `Escalated to development as ${ref} (Handoff).`,
        );
      }
      await panel.close();
      await crm.close();
    },
  );
});
