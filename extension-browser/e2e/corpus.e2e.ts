import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rightOf } from '../src/crm/corpus/score';
import { CORPUS } from '../src/crm/fixtures/corpus';
import { runCorpus, table, totals, type PageResult } from './corpusRun';
import { launchBrowser, startFixtureServer, type Browser } from './harness';

const recorded = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../src/crm/fixtures/corpusScore.json'), 'utf8'),
) as ReturnType<typeof totals>;

describe('the scored corpus, read in real Chromium by the built extension', () => {
  let browser: Browser;
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
  let results: PageResult[];
  beforeAll(async () => {
    fixtures = await startFixtureServer();
    browser = await launchBrowser();
    results = await runCorpus(browser, fixtures.url);
    console.table(table(results));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
  });

  it('reads at least 20 pages, of at least five helpdesks no adapter covers', () => {
    expect(results).toHaveLength(CORPUS.length);
    expect(CORPUS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(CORPUS.filter((p) => !p.adapter && p.site !== 'in-house').map((p) => p.site)).size).toBeGreaterThanOrEqual(5);
  });
  it('scores no lower than recorded (generic before and after teaching, adapters)', () => {
    const now = totals(results);
    console.log(JSON.stringify(now));
    expect(now.generic.before).toBeGreaterThanOrEqual(recorded.generic.before);
    expect(now.generic.after).toBeGreaterThanOrEqual(recorded.generic.after);
    expect(now.adapters.right).toBeGreaterThanOrEqual(recorded.adapters.right);
  });
  it('meets the goal: ≥ 6 of 7 on every generic page before teaching, 7 of 7 after', () => {
    for (const r of results.filter((x) => !x.adapter)) {
      expect(rightOf(r.before).right, `${r.page} before teaching`).toBeGreaterThanOrEqual(Math.min(6, rightOf(r.before).of));
      expect(rightOf(r.after), `${r.page} after teaching`).toEqual({ right: rightOf(r.after).of, of: rightOf(r.after).of });
    }
  });
});
