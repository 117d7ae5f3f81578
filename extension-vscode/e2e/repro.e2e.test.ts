// The developer's half of "reproduce once, replay forever" in a real VS Code (code-server): the
// recording L1 made in the browser becomes tests/repro/INC-….spec.ts beside the code; "Run
// Reproduction" runs it with the workspace's @playwright/test on Debian's Chromium against the
// sample shop — it still fails at the recorded step while the bug is there, passes once it is gone —
// and each outcome is recorded on the incident.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '@handoff/server';
import { parseRecorderJson } from '@handoff/shared';
import { type SampleApp, startSampleApp } from '../../test/sample-app/sampleApp';
import { apiClient, fullIncident } from './api';
import { type CodeServer, startCodeServer } from './codeServer';
import { screenshot } from './screenshot';
import { Workbench } from './workbench';

const ROOT = resolve(__dirname, '..', '..');
const VSIX = resolve(__dirname, '..', 'dist', 'handoff-vscode.vsix');
const RECORDING = parseRecorderJson(readFileSync(join(ROOT, 'shared/src/recording/fixtures/recordedCheckout.json'), 'utf8'));

let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let shop: SampleApp;
let vscode: CodeServer;
let browser: Browser;
let page: Page;
let wb: Workbench;
let workspace: string;
let ref: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'handoff-repro-e2e-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), demo: true });
  shop = await startSampleApp({ bug: true });
  const created = await apiClient(server.url, server.demoTokens!.agent).incidents.create.mutate({
    idempotencyKey: randomUUID(),
    title: 'Checkout fails with a lowercase coupon',
    category: 'crash',
    product: 'Shop',
    version: '4.2.0',
    customer: { name: 'Ann Example' },
    crm: { system: 'other' },
    severity: 'high',
    answers: { crash_message: 'Payment failed', last_action: 'Pay now', every_time: 'yes' },
    recording: RECORDING,
  });
  ref = created.reference;

  // The product's project: its own @playwright/test (the repository's, linked in).
  workspace = join(dir, 'shop');
  mkdirSync(join(workspace, 'src'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(workspace, 'node_modules'));
  writeFileSync(join(workspace, 'package.json'), '{ "name": "shop", "private": true }\n');
  writeFileSync(join(workspace, 'src', 'coupons.ts'), 'export const lookup = (code: string) => COUPONS[code];\n');
  vscode = await startCodeServer({
    dir: join(dir, 'code'),
    vsix: [VSIX],
    settings: {
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'handoff.serverUrl': server.url,
      'handoff.repro.baseUrl': shop.url,
      'handoff.repro.chromiumPath': process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    },
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  wb = await Workbench.open(page, vscode.url, workspace);
});

afterAll(async () => {
  await browser?.close();
  await vscode?.close();
  await shop?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await screenshot(page, `failed-repro-${ctx.task.name}`).catch(() => undefined);
});

/** The reproduction attempts and comments recorded on the incident, oldest first. */
async function attempts(): Promise<string[]> {
  const incident = await fullIncident(server.url, server.demoTokens!.developer, ref);
  return incident.timeline.filter((e) => e.kind === 'reproduction' || e.kind === 'comment').map((e) => `${e.kind}: ${e.text}`);
}

/** Runs "Run Reproduction", waits for its verdict and records it on the incident. */
async function runAndRecord(verdict: RegExp): Promise<string> {
  await wb.clearNotifications();
  await wb.runCommand('Handoff: Run Reproduction');
  await wb.answerInput(ref);
  const toast = page.locator('.notification-toast', { hasText: verdict }).first();
  await toast.waitFor({ timeout: 110_000 });
  const text = (await toast.innerText()).trim();
  await toast.locator('.monaco-button', { hasText: `Record on ${ref}` }).click();
  await wb.notification(`Recorded the reproduction attempt on ${ref}`);
  return text;
}

describe('a recorded reproduction in a real VS Code', () => {
  it('signs in as a developer', async () => {
    await wb.runCommand('Handoff: Sign In');
    await wb.answerInput(server.demoTokens!.developer);
    await wb.notification(/Signed in/);
  });

  it('creates tests/repro/INC-….spec.ts from the recording and opens it beside the code', async () => {
    await wb.quickOpen('coupons.ts');
    await page.locator('.editor-group-container .tab', { hasText: 'coupons.ts' }).waitFor();
    await wb.runCommand('Handoff: Create Playwright Test from Reproduction');
    await wb.answerInput(ref);
    const file = join(workspace, 'tests', 'repro', `${ref}.spec.ts`);
    const written = () => (existsSync(file) ? readFileSync(file, 'utf8') : '');
    await expect.poll(() => written().endsWith('});\n'), { timeout: 20_000 }).toBe(true);
    const spec = written();
    expect(spec).toContain("await change(page.getByRole('textbox', { name: 'Card number', exact: true }), secret('card', '••••'));");
    expect(spec).toContain("await expect(page.getByText('Order confirmed')");
    // Two editor groups: the code stays in the first, the test opens in the second.
    const groups = page.locator('.editor-group-container');
    await expect.poll(() => groups.count(), { timeout: 20_000 }).toBe(2);
    await groups.nth(0).locator('.tab', { hasText: 'coupons.ts' }).waitFor();
    await groups
      .nth(1)
      .locator('.tab.active', { hasText: `${ref}.spec.ts` })
      .waitFor();
    await screenshot(page, 'repro-spec-beside-code');
  });

  it('runs it: still fails at the recorded failing step while the bug is there, and records that', async () => {
    const text = await runAndRecord(/still fails at/);
    expect(text).toContain(
      `The reproduction of ${ref} still fails at 7. Click “Pay now” (button): Step 7 (Click “Pay now” (button)): expected Order confirmed`,
    );
    await screenshot(page, 'repro-still-fails');
    expect(await attempts()).toEqual([
      expect.stringMatching(/^reproduction: Reproduced: Playwright reproduction still fails .* at 7\. Click “Pay now” \(button\): Step 7/),
    ]);
  });

  it('passes once the bug is fixed, and records that', async () => {
    const port = new URL(shop.url).port;
    await shop.close();
    shop = await startSampleApp({ bug: false, port: Number(port) });
    expect(await runAndRecord(/passes now/)).toContain(`The reproduction of ${ref} passes now.`);
    const all = await attempts();
    expect(all).toHaveLength(2);
    expect(all[1]).toMatch(
      /^comment: Playwright reproduction passes now \(tests\/repro\/INC-\d+\.spec\.ts against http:\/\/127\.0\.0\.1:\d+\)\.$/,
    );
  });
});
