import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '@handoff/server';
import { FIXTURES } from '../src/crm/fixtures/expected';
import { type Browser, configure, fullIncident, launchBrowser, nodeClient, openCrmPage, openPanel, startFixtureServer } from './harness';

const SHOTS = join(dirname(fileURLToPath(import.meta.url)), '../e2e-results');

describe('question conditions in the side panel (real Chromium, real server)', () => {
  let server: RunningServer;
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'handoff-e2e-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, demo: true });
    fixtures = await startFixtureServer();
    browser = await launchBrowser();
    expect(await configure(browser, server.url, server.demoTokens!.agent)).toBe('ok');
  });
  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('asks the identity provider only for SSO sign-ins, requires it then, and drops it when the answer changes', async () => {
    await openCrmPage(browser, fixtures.url + FIXTURES[0]!.path);
    const { panel } = await openPanel(browser);
    const idp = panel.locator('[data-field="answers.identity_provider"]');
    await panel.selectOption('#f-category', 'login');
    await panel.locator('[data-field="answers.sso"]').waitFor();
    expect(await idp.count()).toBe(0);

    await panel.selectOption('select[name="answers.sso"]', 'SSO');
    await idp.waitFor();
    expect(await idp.locator('.hint').textContent()).toMatch(/^Why we ask: The provider’s own log/);
    mkdirSync(SHOTS, { recursive: true });
    await idp.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(SHOTS, 'conditional-question.png') });

    // Required while it is asked.
    await panel.fill('textarea[name="answers.error_message"]', 'The page reloads');
    await panel.selectOption('select[name="answers.other_browser"]', 'no');
    await panel.selectOption('select[name="answers.scope"]', 'Everyone');
    await panel.fill('input[name="product"]', 'Shop');
    await panel.fill('input[name="version"]', '4.2.0');
    await panel.fill('textarea[name="steps.0.action"]', 'Sign in with SSO');
    await panel.click('button.submit');
    await idp.locator('.error').waitFor();
    expect(await idp.locator('.error').textContent()).toMatch(/Required/);

    // Typed, then hidden again by a changed answer: it is not sent.
    await panel.fill('input[name="answers.identity_provider"]', 'Okta');
    await panel.selectOption('select[name="answers.sso"]', 'Password');
    await idp.waitFor({ state: 'detached' });
    await panel.click('button.submit');
    const ref = (await panel.locator('[data-testid="reference"]').textContent({ timeout: 15_000 }))!;
    const incident = await fullIncident(nodeClient(server.url, server.demoTokens!.developer), ref);
    expect(incident.answers).toEqual({ error_message: 'The page reloads', sso: 'Password', other_browser: 'no', scope: 'Everyone' });
  });

  it('says at once in My escalations when the agent’s token is revoked while the panel is open', async () => {
    const { panel } = await openPanel(browser);
    await panel.click('button[data-tab="escalations"]');
    await panel.locator('.escalations .live').waitFor();
    const admin = nodeClient(server.url, server.demoTokens!.admin);
    const agentId = (await nodeClient(server.url, server.demoTokens!.agent).auth.whoami.query()).id;
    for (const t of await admin.tokens.list.query({ userId: agentId })) await admin.tokens.revoke.mutate({ id: t.id });
    await panel.locator('.escalations .error', { hasText: 'Your token was revoked' }).waitFor({ timeout: 10_000 });
    expect(await panel.locator('.escalations .live').count()).toBe(0);
  });
});
