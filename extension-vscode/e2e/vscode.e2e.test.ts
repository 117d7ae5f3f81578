// The extension inside a real VS Code (code-server) against a real Handoff server, driven the
// way a developer uses it: palette, input boxes, the Handoff views, the incident panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer } from '@handoff/server';
import type { Incident } from '@handoff/shared';
import { apiClient } from './api';
import { startCodeServer, type CodeServer } from './codeServer';
import { Workbench } from './workbench';

const VSIX = resolve(__dirname, '..', 'dist', 'handoff-vscode.vsix');
const XSS_TITLE = '<img src=x onerror="document.body.dataset.xss=1">Printer <b>driver</b> crash';
const XSS_DESCRIPTION = 'Crash on print.\n\n<script>document.body.dataset.xss=2</script>\n\n<img src=x onerror="document.body.dataset.xss=3">\n\n[click](javascript:document.body.dataset.xss=4)';

let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let vscode: CodeServer;
let browser: Browser;
let page: Page;
let wb: Workbench;
let xssRef: string;
const dialogs: string[] = [];
const timings: Record<string, number> = {};

function findLog(root: string, name: string): string {
  const stack = [root];
  let text = '';
  while (stack.length) {
    const d = stack.pop()!;
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) stack.push(p);
      else if (f === name) text += readFileSync(p, 'utf8');
    }
  }
  return text;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'handoff-vscode-e2e-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), demo: true });
  const agent = apiClient(server.url, server.demoTokens!.agent);
  const xss = await agent.incidents.create.mutate({
    idempotencyKey: randomUUID(),
    title: XSS_TITLE,
    description: XSS_DESCRIPTION,
    category: 'crash',
    product: 'Acme Desktop',
    version: '5.0.1',
    environment: { '<svg onload=alert(1)>': '<img src=x onerror=alert(2)>' },
    customer: { name: '<script>alert(3)</script>' },
    crm: { system: 'other', url: 'https://crm.example.com/t/1' },
    steps: [{ action: '<img src=x onerror="document.body.dataset.xss=5">Open print dialog', expected: 'dialog', actual: '<b>crash</b>' }],
    severity: 'high',
    answers: { crash_message: '<img src=x onerror="document.body.dataset.xss=6">', last_action: '<script>alert(7)</script>', every_time: 'yes' },
  } as never);
  xssRef = (xss as Incident).reference;

  const workspace = join(dir, 'workspace');
  execFileSync('git', ['init', '-q', '-b', 'main', workspace]);
  execFileSync('git', ['-C', workspace, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'init']);
  vscode = await startCodeServer({
    dir: join(dir, 'code'),
    vsix: VSIX,
    settings: {
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'extensions.confirmedUriHandlerExtensionIds': ['handoff.handoff-vscode'],
      'handoff.serverUrl': server.url,
    },
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const t0 = Date.now();
  await page.goto(`${vscode.url}/?folder=${encodeURIComponent(workspace)}`);
  wb = new Workbench(page);
  await wb.ready();
  timings.workbenchReadyMs = Date.now() - t0;
});

afterAll(async () => {
  if (vscode) {
    const log = findLog(vscode.userDataDir, 'Handoff.log');
    const activation = /Activated in ([\d.]+) ms/.exec(log);
    if (activation) timings.activationMs = Number(activation[1]);
    console.log(`[handoff-vscode e2e timings] ${JSON.stringify(timings)}`);
  }
  await browser?.close();
  await vscode?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Handoff in a real VS Code', () => {
  it('shows the welcome view with Sign In before signing in', async () => {
    const sidebar = await wb.openHandoffViews();
    await sidebar.locator('.welcome-view-content', { hasText: 'Sign in to see the incidents' }).waitFor();
    await expect(sidebar.locator('.welcome-view-content a, .welcome-view-content .monaco-button', { hasText: 'Sign In' }).count()).resolves.toBeGreaterThan(0);
  });

  it('rejects a wrong token, an agent token and an unreachable server with distinct messages', async () => {
    await wb.runCommand('Handoff: Sign In');
    await wb.answerInput('not-a-real-token');
    expect(await wb.notification('does not accept this token')).toContain(server.url);
    await wb.clearNotifications();

    await wb.runCommand('Handoff: Sign In');
    await wb.answerInput(server.demoTokens!.agent);
    expect(await wb.notification('This token belongs to')).toContain('Alice Agent (agent)');
    await wb.clearNotifications();
  });

  it('signs in with a developer token and lists my teams’ incidents grouped by status', async () => {
    await wb.runCommand('Handoff: Sign In');
    await wb.answerInput(server.demoTokens!.developer);
    expect(await wb.notification('Signed in to Handoff as')).toContain('Dev Dana (developer)');
    await wb.clearNotifications();
    await wb.openHandoffViews();
    await expect.poll(() => wb.viewRows('My teams'), { timeout: 20_000 }).toEqual(
      expect.arrayContaining([expect.stringMatching(/^New \(3\)/), expect.stringContaining('SSO login loops back'), expect.stringContaining(xssRef)]),
    );
    // "Invoice…" belongs to billing, not one of Dana's teams
    expect((await wb.viewRows('My teams')).join('\n')).not.toContain('Invoice shows the old number');
  });

  it('explains a malformed and an unknown reference', async () => {
    await wb.runCommand('Handoff: Open Incident…');
    const input = wb.quickInput.locator('input.input');
    await input.fill('hello');
    await wb.quickInput.locator('.quick-input-message', { hasText: '"hello" is not an incident reference' }).waitFor();
    await input.fill('INC-99999');
    await page.keyboard.press('Enter');
    await wb.notification('There is no incident INC-99999.');
    await wb.clearNotifications();
  });

  it('opens an incident typed as "inc 1001" and shows all of it in the panel', async () => {
    const t0 = Date.now();
    await wb.runCommand('Handoff: Open Incident…');
    await wb.answerInput('inc 1001');
    const frame = await wb.incidentFrame('INC-1001');
    await frame.locator('#title', { hasText: 'SSO login loops back' }).waitFor();
    timings.openByReferenceMs = Date.now() - t0;
    const text = await frame.locator('article.incident').innerText();
    for (const expected of ['INC-1001', 'High'.toLowerCase(), 'Maria Lopez', 'zendesk 4821', 'Acme Cloud', '4.2.0', 'Windows 11', 'Sign in with a password reset link', 'After the 4.2 update']) {
      expect(text).toContain(expected);
    }
    expect(await frame.locator('#steps li').count()).toBe(2);
    expect(await frame.locator('#steps input[type=checkbox]').count()).toBe(2);
    expect(await frame.locator('#timeline li').count()).toBeGreaterThan(0);
    // only the transitions the status machine allows from "new" are offered
    const options = await frame.locator('#transition-to option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options.sort()).toEqual(['duplicate', 'in_progress', 'needs_info', 'triaged', 'wont_fix']);
  });

  it('assigns to me and comments from the panel; the server has both and my views update live', async () => {
    const frame = await wb.incidentFrame('INC-1001');
    await frame.locator('#assign-to-me').click();
    await expect.poll(async () => (await apiClient(server.url, server.demoTokens!.lead).incidents.byRef.query({ ref: 'INC-1001' })).owner?.name).toBe('Dev Dana');
    await frame.locator('#comment-text').fill('Looking at the Okta callback now');
    await frame.locator('#comment-form button[type=submit]').click();
    await frame.locator('#comment-form .result.ok').waitFor();
    const after = (await apiClient(server.url, server.demoTokens!.lead).incidents.byRef.query({ ref: 'INC-1001' })) as Incident;
    expect(after.timeline.some((e) => e.kind === 'comment' && e.text.includes('Looking at the Okta callback') && e.actor.name === 'Dev Dana')).toBe(true);
    await expect.poll(() => wb.viewRows('Assigned to me'), { timeout: 20_000 }).toEqual([expect.stringContaining('INC-1001')]);
    await expect.poll(() => page.locator('.statusbar-item', { hasText: /^\s*1\s*$/ }).count()).toBeGreaterThan(0);
  });

  it('notifies me live when a lead assigns an incident to me', async () => {
    const lead = apiClient(server.url, server.demoTokens!.lead);
    const me = await apiClient(server.url, server.demoTokens!.developer).auth.whoami.query();
    await lead.incidents.assign.mutate({ ref: 'INC-1003', owner: me.id });
    expect(await wb.notification('assigned INC-1003 to you')).toContain('Lee Lead');
    await expect.poll(() => wb.viewRows('Assigned to me'), { timeout: 20_000 }).toHaveLength(2);
    await wb.clearNotifications();
  });

  it('opens an incident from a vscode:// link (URI handler)', async () => {
    await wb.runCommand('Developer: Open URL');
    await wb.answerInput('code-oss://handoff.handoff-vscode/open?ref=inc-1003');
    const frame = await wb.incidentFrame('INC-1003');
    await frame.locator('#title', { hasText: 'Report export times out' }).waitFor();
  });

  it('keeps script and event-handler payloads in an incident inert', async () => {
    await wb.runCommand('Handoff: Open Incident…');
    await wb.answerInput(xssRef);
    const frame = await wb.incidentFrame(xssRef);
    expect(await frame.locator('#title .title-text').innerText()).toBe(XSS_TITLE);
    expect(await frame.locator('#steps li .action').innerText()).toBe('<img src=x onerror="document.body.dataset.xss=5">Open print dialog');
    const description = await frame.locator('#description').innerText();
    expect(description).toContain('<script>document.body.dataset.xss=2</script>');
    await page.waitForTimeout(500);
    for (const f of page.frames()) {
      const state = await f
        .evaluate(() => ({
          xss: document.body?.dataset.xss ?? null,
          handlers: document.querySelectorAll('[onerror], [onload], img[src="x"]').length,
          payloadScripts: [...document.scripts].filter((s) => s.textContent?.includes('dataset.xss')).length,
        }))
        .catch(() => null); // a frame that went away meanwhile
      if (state) expect(state).toEqual({ xss: null, handlers: 0, payloadScripts: 0 });
    }
    expect(await frame.locator('#description a[href^="javascript"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
