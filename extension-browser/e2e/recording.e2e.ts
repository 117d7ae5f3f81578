import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '@handoff/server';
import { recordingToRecorderJson } from '@handoff/shared';
import { type SampleApp, startSampleApp } from '../../test/sample-app/sampleApp';
import { FIXTURES } from '../src/crm/fixtures/expected';
import { recordedSteps, recorderReady } from './recordingHelpers';
import {
  answerQuestions,
  type Browser,
  configure,
  fullIncident,
  launchBrowser,
  nodeClient,
  openCrmPage,
  openPanel,
  screenshot,
  startFixtureServer,
} from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const PASSWORD = 'Hunter2-Secret!';
const CARD = '4242 4242 4242 4242';
const SECRETS = [PASSWORD, CARD, CARD.replace(/ /g, ''), 'shop-secret-token'];

describe('recording a reproduction in real Chromium', () => {
  let server: RunningServer;
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
  let shop: SampleApp;
  let browser: Browser;
  let dataDir: string;
  let token: string;
  const toServer: string[] = [];
  const consoleLines: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'handoff-rec-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, demo: true });
    token = server.demoTokens!.agent;
    fixtures = await startFixtureServer();
    shop = await startSampleApp({ bug: true });
    browser = await launchBrowser();
    expect(await configure(browser, server.url, token)).toBe('ok');
    browser.context.on('request', (r) => {
      if (r.url().startsWith(server.url)) toServer.push(`${r.url()}\n${r.postData() ?? ''}`);
    });
    browser.context.on('console', (m) => consoleLines.push(m.text()));
    browser.worker.on('console', (m) => consoleLines.push(m.text()));
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await fixtures?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records clicks, typing and the failing request, masks secrets, and the incident carries the steps', async () => {
    const ticket = FIXTURES[0]!;
    await openCrmPage(browser, fixtures.url + ticket.path);
    const { panel } = await openPanel(browser);
    await panel.setViewportSize({ width: 420, height: 1000 });

    await panel.fill('#record-url', `${shop.url}/login`);
    const opened = browser.context.waitForEvent('page');
    await panel.click('.record-start');
    const product: Page = await opened;
    await recorderReady(browser, '/login');
    // With the product's tab in front, the panel stays on the ticket, showing the recording and its Stop.
    await panel.locator('.recording[data-state="recording"] .record-stop').waitFor();

    await product.getByLabel('E-mail').fill('ann@example.com');
    await product.getByLabel('Password').fill(PASSWORD);
    await product.getByRole('button', { name: 'Sign in' }).click();
    await product.waitForURL('**/checkout');
    await recorderReady(browser, '/checkout');
    await product.getByLabel('Name on card').fill('Ann Example');
    await product.getByLabel('Card number').fill(CARD);
    await product.getByLabel('Coupon').fill('spring10');
    await product.getByRole('button', { name: 'Pay now' }).click();
    await product.getByText('Payment failed').waitFor();
    const boxOf = async (label: string) => (await product.getByLabel(label).boundingBox())!;
    const [cardBox, couponBox] = [await boxOf('Card number'), await boxOf('Coupon')];
    // The failed request and the console error reach the step during which they happened.
    await expect
      .poll(async () => {
        const last = (await recordedSteps(browser)).at(-1);
        return [last?.type, last?.handoff?.console?.length ?? 0, last?.handoff?.network?.length ?? 0];
      })
      .toEqual(['click', 1, 1]);

    await panel.bringToFront();
    await panel.locator('.recording[data-state="recording"]').waitFor();
    await panel.click('.record-stop');
    await panel.locator('.recording[data-state="review"]').waitFor();
    const review = panel.locator('.review-step .review-action');
    expect(await review.allTextContents()).toEqual([
      `Open ${shop.url}/login`,
      'Enter “ann@example.com” in “E-mail” (textbox)',
      'Enter a password in “Password” (masked)',
      'Click “Sign in” (button)',
      'Enter “Ann Example” in “Name on card” (textbox)',
      'Enter a card number in “Card number” (textbox) (masked)',
      'Enter “spring10” in “Coupon” (textbox)',
      'Click “Pay now” (button)',
    ]);
    // The step where the request failed is proposed as the failing one, with what was seen there.
    const failing = panel.locator('.review-step[data-failing="true"]');
    expect(await failing.locator('.review-action').textContent()).toBe('Click “Pay now” (button)');
    expect(await failing.locator('.review-actual').inputValue()).toMatch(
      /^Payment failed: HTTP 500 Cannot read properties of undefined.*\nPOST http:\/\/127\.0\.0\.1:\d+\/api\/pay\?session=REDACTED → 500$/,
    );
    await expect.poll(() => failing.locator('img.review-shot').count()).toBe(1);
    await failing.locator('.review-expected').fill('Order confirmed');
    // The agent drops a step that does not matter.
    await panel.click('.review-step:has-text("Ann Example") .review-drop');
    const shot = await screenshot(panel, 'recording-review');
    expect(shot).toMatch(/recording-review\.png$/);
    await panel.click('.record-attach');
    await panel.locator('.recording[data-state="idle"]').waitFor();

    expect(await panel.inputValue('textarea[name="steps.6.action"]')).toBe('Click “Pay now” (button)');
    expect(await panel.inputValue('input[name="steps.6.expected"]')).toBe('Order confirmed');
    await panel.selectOption('#f-category', 'billing');
    await panel.locator('.questions .field').first().waitFor();
    await answerQuestions(panel);
    await panel.fill('input[name="product"]', 'Shop');
    await panel.fill('input[name="version"]', '4.2.0');
    await panel.click('button.submit');
    const ref = (await panel.locator('[data-testid="reference"]').textContent({ timeout: 15_000 }))!;
    expect(ref).toMatch(/^INC-\d+$/);

    const client = nodeClient(server.url, token);
    const incident = await fullIncident(client, ref);
    expect(incident.reproducedByAgent).toBe(true);
    expect(incident.steps).toHaveLength(7);
    expect(incident.steps[6]).toEqual({
      action: 'Click “Pay now” (button)',
      expected: 'Order confirmed',
      actual: expect.stringMatching(/^Payment failed: HTTP 500 Cannot read properties of undefined/),
    });
    expect(incident.attachments.map((a) => [a.name, a.mediaType])).toEqual([['step-7.jpg', 'image/jpeg']]);
    // The screenshot has the card number painted over; other fields stay readable.
    const image = await client.incidents.attachment.query({ ref, id: incident.attachments[0]!.id });
    const pixels = await panel.evaluate(
      async ({ b64, points }) => {
        const img = new Image();
        img.src = `data:image/jpeg;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return points.map(([x, y]) => Array.from(ctx.getImageData(x!, y!, 1, 1).data.slice(0, 3)));
      },
      {
        b64: image.dataBase64,
        points: [cardBox, couponBox].map((b) => [Math.round(b.x + 4), Math.round(b.y + b.height / 2)]),
      },
    );
    expect(Math.max(...pixels[0]!)).toBeLessThan(40);
    expect(Math.max(...pixels[1]!)).toBeGreaterThan(200);
    const recording = await client.incidents.recording.query({ ref });
    expect(recording?.steps.map((s) => s.type)).toEqual(['navigate', 'change', 'change', 'click', 'change', 'change', 'click']);
    expect(recording?.steps[3]?.assertedEvents).toEqual([{ type: 'navigation', url: `${shop.url}/checkout` }]);
    expect(recording?.steps[6]?.handoff).toMatchObject({ failing: true, expected: 'Order confirmed', screenshot: 'step-7.jpg' });

    // No secret anywhere: the incident, the recording, what went to the server, the stored files, the logs.
    const stored = readdirSync(dataDir).map((f) => readFileSync(join(dataDir, f)).toString('latin1'));
    expect(toServer.some((r) => r.includes('incidents.create'))).toBe(true);
    for (const where of [JSON.stringify(incident), JSON.stringify(recording), ...toServer, ...stored, ...consoleLines]) {
      for (const secret of SECRETS) expect(where).not.toContain(secret);
    }
    // A real recording, exported as Recorder JSON: the fixture the converter's unit tests read.
    const out = join(here, '../e2e-results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'recorded-checkout.json'), recordingToRecorderJson(recording!));
  });
});
