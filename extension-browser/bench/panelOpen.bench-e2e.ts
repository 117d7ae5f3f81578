import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FIXTURES } from '../src/crm/fixtures/expected';
import { EXT_DIR, openCrmPage, openPanel, startWorld, type World } from '../e2e/harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => w?.close());

it('panel open → interactive capture form, per CRM, and content-script sizes', async () => {
  const results: Record<string, { p50: number; p95: number; max: number; runs: number }> = {};
  for (const fx of FIXTURES) {
    const crm = await openCrmPage(w.browser, w.fixtures.url + fx.path);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { panel, readyMs } = await openPanel(w.browser);
      times.push(readyMs);
      await panel.close();
      await crm.bringToFront();
    }
    results[fx.crm] = { p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times), runs: RUNS };
    await crm.close();
  }
  const sizes = Object.fromEntries(
    readdirSync(EXT_DIR)
      .filter((f) => /^(extract-.+|teach)\.js$/.test(f))
      .map((f) => [f, statSync(join(EXT_DIR, f)).size]),
  );
  const out = join(dirname(fileURLToPath(import.meta.url)), '../e2e-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench.json'), JSON.stringify({ panelReadyMs: results, contentScriptBytes: sizes }, null, 2));
  console.table(results);
  console.table(sizes);
  expect(Object.keys(results)).toHaveLength(FIXTURES.length);
});
