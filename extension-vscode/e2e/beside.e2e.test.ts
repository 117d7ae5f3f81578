// Steps beside the code, in a real VS Code (code-server): opening an incident leaves the code in
// front (the panel opens in the side column), the "Current incident" view lists its steps as a
// checklist, the status bar names it, "Open Steps Beside" never covers the code, and the panel's
// @vscode-elements controls follow the light, dark and high-contrast themes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '@handoff/server';
import { apiClient } from './api';
import { type CodeServer, startCodeServer } from './codeServer';
import { screenshot } from './screenshot';
import { Workbench } from './workbench';

const VSIX = resolve(__dirname, '..', 'dist', 'handoff-vscode.vsix');

let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let vscode: CodeServer;
let browser: Browser;
let page: Page;
let wb: Workbench;
let workspace: string;
const consoleMessages: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'handoff-beside-e2e-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), demo: true });
  workspace = join(dir, 'workspace');
  mkdirSync(join(workspace, 'src'), { recursive: true });
  writeFileSync(join(workspace, 'src', 'sso.ts'), 'export function callback(audience: string) {\n  return audience === "acme";\n}\n');
  vscode = await startCodeServer({
    dir: join(dir, 'code'),
    vsix: [VSIX],
    settings: {
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'workbench.colorTheme': 'Default Light Modern',
      'handoff.serverUrl': server.url,
    },
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => consoleMessages.push(m.text()));
  wb = await Workbench.open(page, vscode.url, workspace);
});

afterAll(async () => {
  await browser?.close();
  await vscode?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await screenshot(page, `failed-beside-${ctx.task.name}`).catch(() => undefined);
});

const groups = () => page.locator('.editor-group-container');
/** The Current incident view's pane in the sidebar. */
const currentPane = () =>
  page.locator('#workbench\\.parts\\.sidebar .pane', { has: page.locator('.pane-header', { hasText: /^Current incident/i }) });
const statusItem = () => page.locator('.statusbar-item', { hasText: 'INC-1001' });

/** The code editor is the active tab of the first group and shows the file's text. */
async function codeInFront(): Promise<void> {
  await groups().nth(0).locator('.tab.active', { hasText: 'sso.ts' }).waitFor();
  await groups().nth(0).locator('.monaco-editor .view-lines', { hasText: 'return audience' }).waitFor();
}

/** Colours the panel's primary button and text box take, and VS Code's theme variables for them. */
function controlColours(frame: Frame) {
  return frame.locator('#assign-to-me').evaluate((button) => {
    const root = getComputedStyle(document.documentElement);
    const base = button.shadowRoot?.querySelector('.base');
    const field = document.querySelector('#comment-text')?.shadowRoot?.querySelector('textarea');
    return {
      button: base ? getComputedStyle(base).backgroundColor : null,
      buttonVar: root.getPropertyValue('--vscode-button-background').trim(),
      field: field ? getComputedStyle(field).backgroundColor : null,
      fieldVar: root.getPropertyValue('--vscode-settings-textInputBackground').trim(),
      defined: ['vscode-button', 'vscode-textarea', 'vscode-single-select', 'vscode-checkbox'].every((t) => customElements.get(t)),
    };
  });
}

/** `#rrggbb` (a theme variable) as the `rgb(r, g, b)` getComputedStyle gives. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.replace('#', '').slice(0, 6), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

describe('an incident beside the code', () => {
  it('signs in as a developer', async () => {
    await wb.runCommand('Handoff: Sign In');
    await wb.answerInput(server.demoTokens!.developer);
    await wb.notification(/Signed in/);
    await wb.clearNotifications();
  });

  it('opens an incident beside the code: the code stays in the main column, the panel in the side one', async () => {
    await wb.quickOpen('sso.ts');
    await codeInFront();
    await wb.runCommand('Handoff: Open Incident…');
    await wb.answerInput('INC-1001');
    const frame = await wb.incidentFrame('INC-1001');
    await frame.locator('#title', { hasText: 'SSO login loops back' }).waitFor();
    await expect.poll(() => groups().count()).toBe(2);
    await codeInFront();
    await groups().nth(1).locator('.tab.active', { hasText: 'INC-1001' }).waitFor();
    // the person keeps typing in the code: the focus stayed there
    expect(
      await groups()
        .nth(0)
        .evaluate((g) => g.contains(document.activeElement)),
    ).toBe(true);
    // the category by its label, the helpdesk by its proper name
    const facts = await frame.locator('dl.facts').innerText();
    expect(facts).toContain('Sign-in and access');
    expect(facts).not.toMatch(/\blogin\b/);
    expect(facts).toContain('Zendesk 4821');
    await screenshot(page, 'beside-panel-light');
  });

  it('lists the steps in the Current incident view, with expected and actual, the failing step marked', async () => {
    await wb.openHandoffViews();
    const rows = currentPane().locator('.monaco-list-row');
    await rows.filter({ hasText: 'Sign in at Okta' }).first().waitFor();
    // a row's label and description are separate elements: innerText runs them together
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(texts[0]).toMatch(/^INC-1001 SSO login loops back.*New$/);
    expect(texts.slice(1)).toEqual([
      '1. Open https://app.acme.example and click "Sign in with SSO"',
      '2. Sign in at Oktafails here',
      'Expected: Dashboard opens',
      'Actual: Back on the sign-in page',
    ]);
    expect(await currentPane().locator('.pane-header').innerText()).toContain('INC-1001');
  });

  it('checks a step off in the view; the panel shows it ticked, and it is remembered', async () => {
    const row = currentPane().locator('.monaco-list-row', { hasText: '1. Open https://app.acme.example' });
    const box = row.locator('.monaco-checkbox, .custom-view-tree-node-item-checkbox').first();
    await box.click();
    await expect.poll(() => box.getAttribute('aria-checked')).toBe('true');
    const frame = await wb.incidentFrame('INC-1001');
    await expect.poll(() => frame.locator('#step-0').evaluate((b) => (b as HTMLInputElement).checked)).toBe(true);
    expect(await frame.locator('#step-1').evaluate((b) => (b as HTMLInputElement).checked)).toBe(false);
    // and the other way: ticking in the panel ticks the view
    await frame.locator('#step-1').click();
    const second = currentPane()
      .locator('.monaco-list-row', { hasText: '2. Sign in at Okta' })
      .locator('.monaco-checkbox, .custom-view-tree-node-item-checkbox')
      .first();
    await expect.poll(() => second.getAttribute('aria-checked')).toBe('true');
    await screenshot(page, 'beside-current-incident-view');
  });

  it('a live change arriving while a step is pressed does not swallow the click', async () => {
    const frame = await wb.incidentFrame('INC-1001');
    const box = (await frame.locator('#step-0').boundingBox())!;
    const viewBox = currentPane()
      .locator('.monaco-list-row', { hasText: '1. Open https://app.acme.example' })
      .locator('.monaco-checkbox, .custom-view-tree-node-item-checkbox')
      .first();
    await page.mouse.move(box.x + 8, box.y + box.height / 2);
    await page.mouse.down();
    // Someone else comments meanwhile: the panel gets the incident again, live.
    await apiClient(server.url, server.demoTokens!.lead).incidents.comment.mutate({ ref: 'INC-1001', text: 'Pressed meanwhile' });
    // The panel holds the new render until the release, and marks that it does.
    await frame.locator('#app[data-update-waiting]').waitFor({ state: 'attached', timeout: 10_000 });
    await page.mouse.up();
    await expect.poll(() => viewBox.getAttribute('aria-checked'), { timeout: 10_000 }).toBe('false');
    await frame.getByText('Pressed meanwhile').waitFor();
    expect(await frame.locator('#step-0').evaluate((b) => (b as HTMLInputElement).checked)).toBe(false);
    await frame.locator('#step-0').click(); // ticked again, as the next steps expect
    await expect.poll(() => viewBox.getAttribute('aria-checked'), { timeout: 10_000 }).toBe('true');
  });

  it('names the current incident in the status bar; a click opens it', async () => {
    await statusItem().waitFor();
    expect((await statusItem().innerText()).trim()).toBe('INC-1001');
    await wb.runCommand('View: Close All Editors');
    await wb.incidentFrame('INC-1001', 2_000).then(
      () => expect.fail('the panel should be closed'),
      () => undefined,
    );
    await statusItem().click();
    await wb.incidentFrame('INC-1001');
  });

  it('"Open Steps Beside" opens the steps beside the code, which stays visible', async () => {
    await wb.runCommand('View: Close All Editors');
    await wb.quickOpen('sso.ts');
    await codeInFront();
    await wb.runCommand('Handoff: Open Incident…');
    await wb.answerInput('INC-1001');
    await wb.incidentFrame('INC-1001');
    await codeInFront();
    // from the panel (it has the focus after a click), where "beside" used to mean beside the panel
    const frame = await wb.incidentFrame('INC-1001');
    await frame.locator('#open-steps').click();
    await page.locator('.tabs-container .tab', { hasText: 'steps.md' }).waitFor();
    await codeInFront();
    expect(await groups().count()).toBe(2);
    await groups().nth(1).locator('.tab.active', { hasText: 'steps.md' }).waitFor();
    // and from the Current incident view's title bar, with the code focused
    await wb.runCommand('View: Close All Editors');
    await wb.quickOpen('sso.ts');
    await codeInFront();
    await wb.runCommand('Handoff: Open Steps Beside');
    await page.locator('.tabs-container .tab', { hasText: 'steps.md' }).waitFor();
    await codeInFront();
    expect(await groups().count()).toBe(2);
    await screenshot(page, 'beside-steps-and-code');
  });

  it('the panel’s controls are @vscode-elements in the theme’s colours: light, dark and high contrast', async () => {
    await wb.runCommand('View: Close All Editors');
    await wb.runCommand('Handoff: Open Incident…');
    await wb.answerInput('INC-1001');
    let frame = await wb.incidentFrame('INC-1001');
    await frame.locator('#assign-to-me').waitFor();
    const themes = [
      ['Default Light Modern', 'light'],
      ['Default Dark Modern', 'dark'],
      ['Default High Contrast', 'high-contrast'],
    ] as const;
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    const seen: string[] = [];
    try {
      for (const [theme, name] of themes) {
        writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': theme }));
        await expect
          .poll(() => page.locator('.monaco-workbench').getAttribute('class'), { timeout: 20_000 })
          .toContain(name === 'light' ? 'vs' : name === 'dark' ? 'vs-dark' : 'hc-black');
        frame = await wb.incidentFrame('INC-1001');
        await expect
          .poll(async () => {
            const c = await controlColours(frame);
            return { defined: c.defined, button: c.button, field: c.field, vars: [c.buttonVar, c.fieldVar].map(rgb) };
          })
          .toEqual({
            defined: true,
            button: expect.any(String),
            field: expect.any(String),
            vars: [expect.any(String), expect.any(String)],
          });
        const c = await controlColours(frame);
        expect([c.button, c.field], `${theme}: ${JSON.stringify(c)}`).toEqual([rgb(c.buttonVar), rgb(c.fieldVar)]);
        seen.push(`${c.button} ${c.field}`);
        await frame.locator('#assign-to-me').scrollIntoViewIfNeeded();
        await screenshot(page, `beside-panel-${name}`);
      }
    } finally {
      rmSync(join(workspace, '.vscode'), { recursive: true, force: true });
    }
    expect(new Set(seen).size).toBe(3); // each theme its own colours
    // the elements run under the panel's nonce-only policy: nothing was refused
    expect(consoleMessages.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
  });

  it('keeps the current incident and its ticks for the workspace across a reload', async () => {
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), wb.runCommand('Developer: Reload Window')]);
    await wb.ready();
    await statusItem().waitFor({ timeout: 60_000 });
    await wb.openHandoffViews();
    const box = currentPane()
      .locator('.monaco-list-row', { hasText: '1. Open https://app.acme.example' })
      .locator('.monaco-checkbox, .custom-view-tree-node-item-checkbox')
      .first();
    await expect.poll(() => box.getAttribute('aria-checked'), { timeout: 30_000 }).toBe('true');
  });

  it('clears the current incident: the status bar item goes, the view says how to get one', async () => {
    await wb.runCommand('Handoff: Clear Current Incident');
    await statusItem().waitFor({ state: 'detached' });
    await currentPane().getByText('No current incident.').waitFor();
  });
});
