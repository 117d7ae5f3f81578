// biome-ignore lint/suspicious/noExplicitAny: the extension's chrome global, used only inside evaluate()
declare const chrome: any;
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@handoff/server';
import { type Incident, MAX_BATCH_SIZE, type Role } from '@handoff/shared';
import { CORPUS } from '../src/crm/fixtures/corpus';
import { EXTRA_PAGES, FIXTURES } from '../src/crm/fixtures/expected';

const here = dirname(fileURLToPath(import.meta.url));
export const EXT_DIR = join(here, '../.output/chrome-mv3-e2e');
const FIXTURE_DIR = join(here, '../src/crm/fixtures');

/** Serves each CRM fixture at a path shaped like that CRM's real ticket URL, on 127.0.0.1. */
export async function startFixtureServer(): Promise<{ url: string; close(): Promise<void> }> {
  const pages = new Map<string, string>();
  for (const f of [...FIXTURES, ...Object.values(EXTRA_PAGES)]) pages.set(new URL(f.path, 'http://x').pathname, f.file);
  // Corpus pages of one helpdesk share a path and differ by query (osTicket's tickets.php?id=…).
  for (const f of CORPUS) pages.set(f.path.includes('?') ? f.path : new URL(f.path, 'http://x').pathname, f.file);
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const file = pages.get(u.pathname + u.search) ?? pages.get(u.pathname);
    if (!file) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(FIXTURE_DIR, file)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  id: string;
  userDir: string;
  close(): Promise<void>;
}

/** Real Chromium (Debian package) with the built extension loaded unpacked. */
export async function launchBrowser(opts: { userDir?: string; keepProfile?: boolean } = {}): Promise<Browser> {
  const userDir = opts.userDir ?? mkdtempSync(join(tmpdir(), 'handoff-chromium-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${EXT_DIR}`,
      `--load-extension=${EXT_DIR}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const id = new URL(worker.url()).host;
  return {
    context,
    worker,
    id,
    userDir,
    async close() {
      await context.close();
      if (!opts.keepProfile) rmSync(userDir, { recursive: true, force: true });
    },
  };
}

export function nodeClient(serverUrl: string, token: string) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${serverUrl}/trpc`, maxItems: MAX_BATCH_SIZE, headers: () => ({ authorization: `Bearer ${token}` }) })],
  });
}

/** The whole incident as `client` reads it; fails when the server answers with its summary only. */
export async function fullIncident(client: ReturnType<typeof nodeClient>, ref: string): Promise<Incident> {
  const view = await client.incidents.byRef.query({ ref });
  if (view.access !== 'full') throw new Error(`${ref} came as its summary, not in full`);
  return view;
}

/** A PNG of the panel (the visible part, or all of it) under e2e-results/screens, to look at what an agent sees. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  const dir = join(here, '../e2e-results/screens');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Sets server URL and token through the real options page and returns what the check said. */
export async function configure(b: Browser, serverUrl: string, token: string): Promise<string> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.id}/options.html`);
  await page.fill('#server-url', serverUrl);
  await page.fill('#token', token);
  await page.click('.check-save');
  const result = page.locator('.check-result');
  await result.waitFor();
  const reason = (await result.getAttribute('data-reason')) ?? '';
  await page.close();
  return reason;
}

/** Opens a fixture page in a tab and waits until the background has made it the panel's target. */
export async function openCrmPage(b: Browser, url: string, page?: Page): Promise<Page> {
  const p = page ?? (await b.context.newPage());
  await p.bringToFront();
  await p.goto(url);
  await waitForTarget(b, url);
  return p;
}

export async function waitForTarget(b: Browser, url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const t = await b.worker.evaluate(async () => (await chrome.storage.session.get('target')).target as { url?: string } | undefined);
    if (t?.url === url) return;
    if (Date.now() > deadline) {
      const tabs = await b.worker.evaluate(async () =>
        (await chrome.tabs.query({})).map((x: { id: number; active: boolean; url?: string }) => [x.id, x.active, x.url]),
      );
      throw new Error(`panel target is ${JSON.stringify(t)}, expected ${url}; tabs ${JSON.stringify(tabs)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The side panel opened as a tab (what the toolbar button shows beside the page). Returns ms to an interactive form. */
export async function openPanel(b: Browser): Promise<{ panel: Page; readyMs: number }> {
  const panel = await b.context.newPage();
  const start = Date.now();
  await panel.goto(`chrome-extension://${b.id}/sidepanel.html`);
  await panel.waitForSelector('body[data-ready="form"]', { timeout: 20_000 }).catch(async (e: unknown) => {
    throw new Error(`panel not ready; it shows: ${(await panel.textContent('body'))?.slice(0, 300)}`, { cause: e });
  });
  return { panel, readyMs: Date.now() - start };
}

/**
 * The side panel as a tab once the server has said who is signed in (the tabs are final then), for
 * accounts without the Capture tab, whose form `openPanel` would wait for.
 */
export async function openPanelAs(b: Browser, role: Role): Promise<Page> {
  const panel = await b.context.newPage();
  await panel.setViewportSize({ width: 420, height: 800 });
  await panel.goto(`chrome-extension://${b.id}/sidepanel.html`);
  await panel.locator(`div.tabs[data-role="${role}"]`).waitFor({ timeout: 20_000 });
  return panel;
}

/** Answers every question of the chosen category with something valid for its kind. */
export async function answerQuestions(panel: Page): Promise<Record<string, string>> {
  const answers: Record<string, string> = {};
  for (const field of await panel.locator('.questions .field').all()) {
    const name = (await field.getAttribute('data-field'))!.replace(/^answers\./, '');
    const select = field.locator('select');
    if (await select.count()) {
      const value = await select.locator('option').nth(1).getAttribute('value');
      await select.selectOption(value!);
      answers[name] = value!;
      continue;
    }
    const input = field.locator('input, textarea').first();
    const type = await input.getAttribute('type');
    const value = type === 'number' ? '3' : type === 'url' ? 'https://shop.example/checkout' : `answer for ${name}`;
    await input.fill(value);
    answers[name] = value;
  }
  return answers;
}

export interface World {
  server: import('@handoff/server').RunningServer;
  fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
  browser: Browser;
  dataDir: string;
  token: string;
  close(): Promise<void>;
}

/** A real server with demo data, the fixture site, and Chromium with the extension configured as the demo agent. */
export async function startWorld(): Promise<World> {
  const { startServer } = await import('@handoff/server');
  const dataDir = mkdtempSync(join(tmpdir(), 'handoff-e2e-'));
  const world: World = {
    server: await startServer({ port: 0, host: '127.0.0.1', dataDir, demo: true }),
    fixtures: await startFixtureServer(),
    browser: await launchBrowser(),
    dataDir,
    token: '',
    async close() {
      await world.browser.close();
      await world.fixtures.close();
      await world.server.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  world.token = world.server.demoTokens!.agent;
  const reason = await configure(world.browser, world.server.url, world.token);
  if (reason !== 'ok') throw new Error(`options check said ${reason}`);
  return world;
}

/** Chooses a category, answers its questions and fills the product: the minimum for a valid capture. */
export async function fillMinimal(panel: Page, category = 'login'): Promise<void> {
  await panel.selectOption('#f-category', category);
  await panel.locator('.questions .field').first().waitFor();
  await answerQuestions(panel);
  await panel.fill('input[name="product"]', 'Shop');
}
