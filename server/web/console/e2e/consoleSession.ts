import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Role } from '@handoff/shared';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, type ServerOptions, startServer } from '../../../src/server.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing.js';

/** Where console tests put the screenshots a person looks at. */
export const SHOTS = fileURLToPath(new URL('../../../.screenshots/', import.meta.url));

/** Headless Debian Chromium, as every console test uses it. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });

/** A fresh browser context signed in to the console at `serverUrl` with `token` (in any of its languages). */
export async function signedIn(browser: Browser, serverUrl: string, token: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(`${serverUrl}/console/`);
  await page.getByLabel(/Personal token|Persönliches Token|Jeton personnel/).fill(token);
  await page.locator('form button[type=submit]').click();
  await page.getByRole('navigation').first().waitFor();
  return page;
}

/** What a console test file works with, ready once its `beforeAll` hooks have run. */
export interface ConsoleSuite {
  db: TestDatabase;
  server: RunningServer;
  browser: Browser;
  tokens: Record<Role, string>;
}

/**
 * Registers the hooks every console test file needs: a fresh SQLite database, the demo server on
 * it (with `options`), and Chromium; all closed after the file. Call at the top of a `describe`.
 */
export function consoleSuite(options: Omit<ServerOptions, 'port' | 'dataDir' | 'demo'> = {}): ConsoleSuite {
  const suite = {} as ConsoleSuite;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    suite.db = await createTestDatabase('sqlite');
    suite.server = await startServer({ ...options, port: 0, dataDir: suite.db.dataDir, demo: true });
    suite.tokens = suite.server.demoTokens!;
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
    await suite.db?.drop();
  });
  return suite;
}
