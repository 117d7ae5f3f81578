import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SampleApp, startSampleApp } from '../../test/sample-app/sampleApp';
import { EXT_DIR, startWorld, type World } from '../e2e/harness';
import { recordedSteps, recorderReady } from '../e2e/recordingHelpers';

// biome-ignore lint/suspicious/noExplicitAny: the extension's chrome global, used only inside evaluate()
declare const chrome: any;

/** Each round is a click, a change and a Tab key press: three recorded events (four steps: Tab is down and up). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const EVENTS = ROUNDS * 3;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Time the page spends dispatching each click, change and key press, from the first capture listener to
 * the last bubble listener on window: everything every listener on the path did, the recorder's included.
 */
async function measure(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __spans: number[]; __t0: number };
    w.__spans = [];
    document.body.insertAdjacentHTML(
      'beforeend',
      '<button type="button" id="bench-button">Bench button</button><input id="bench-input" aria-label="Bench field">',
    );
    for (const type of ['click', 'change', 'keydown']) {
      window.addEventListener(
        type,
        () => {
          w.__t0 = performance.now();
        },
        true,
      );
      window.addEventListener(type, () => {
        w.__spans.push(performance.now() - w.__t0);
      });
    }
  });
  for (let i = 0; i < ROUNDS; i++) {
    await page.click('#bench-button');
    await page.fill('#bench-input', `value ${i}`);
    await page.press('#bench-input', 'Tab'); // a recorded key; change fires on leaving the field
  }
  return page.evaluate(() => (window as unknown as { __spans: number[] }).__spans);
}

let w: World;
let shop: SampleApp;
beforeAll(async () => {
  w = await startWorld();
  shop = await startSampleApp({ bug: false });
});
afterAll(async () => {
  await shop?.close();
  await w?.close();
});

it('recorder overhead per recorded event (vs. the same page without it) and the recorder scripts’ size', async () => {
  const baselinePage = await w.browser.context.newPage();
  await baselinePage.goto(`${shop.url}/checkout`);
  const baseline = await measure(baselinePage);
  await baselinePage.close();

  const panel = await w.browser.context.newPage();
  await panel.goto(`chrome-extension://${w.browser.id}/sidepanel.html`);
  const opened = w.browser.context.waitForEvent('page');
  await panel.evaluate((url) => chrome.runtime.sendMessage({ type: 'recorder:start', url, title: 'bench' }), `${shop.url}/checkout`);
  const product = await opened;
  await recorderReady(w.browser, '/checkout');
  const recorded = await measure(product);
  await expect.poll(async () => (await recordedSteps(w.browser)).length, { timeout: 30_000 }).toBe(1 + ROUNDS * 4);
  await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'recorder:stop' }));

  const stats = (xs: number[]) => ({ events: xs.length, p50: round(pct(xs, 50)), p99: round(pct(xs, 99)), max: round(Math.max(...xs)) });
  const result = {
    eventMs: { withoutRecorder: stats(baseline), withRecorder: stats(recorded) },
    overheadP99Ms: round(pct(recorded, 99) - pct(baseline, 99)),
    goalP99Ms: 1,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    cores: cpus().length,
    scriptBytes: Object.fromEntries(['recorder.js', 'recorder-hooks.js'].map((f) => [f, statSync(join(EXT_DIR, f)).size])),
    goalScriptBytes: 30_000,
  };
  const out = join(dirname(fileURLToPath(import.meta.url)), '../e2e-results');
  mkdirSync(out, { recursive: true });
  const file = join(out, 'bench.json');
  const previous = (() => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      return {};
    }
  })();
  writeFileSync(file, JSON.stringify({ ...previous, recorder: result }, null, 2));
  console.log(`[recorder bench] ${JSON.stringify(result)}`);
  console.table(result.eventMs);
  expect(recorded).toHaveLength(EVENTS);
  expect(baseline).toHaveLength(EVENTS);
});
