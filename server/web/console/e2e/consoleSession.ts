import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

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
