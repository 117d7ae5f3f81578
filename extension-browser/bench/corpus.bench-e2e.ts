import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CORPUS } from '../src/crm/fixtures/corpus';
import { runCorpus, table, totals } from '../e2e/corpusRun';
import { launchBrowser, startFixtureServer, type Browser } from '../e2e/harness';

let browser: Browser;
let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
beforeAll(async () => {
  fixtures = await startFixtureServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
});

it('corpus: field-by-field score before → after teaching (generic pages) and for the adapters, with read time', async () => {
  const start = Date.now();
  const results = await runCorpus(browser, fixtures.url);
  const ms = Date.now() - start;
  console.table(table(results));
  const t = totals(results);
  console.table({
    'generic, before teaching': `${t.generic.before}/${t.generic.of} fields; ${t.generic.pagesAtLeast6Before}/${t.generic.pages} pages ≥ 6 of 7`,
    'generic, after teaching once per site': `${t.generic.after}/${t.generic.of} fields; ${t.generic.pagesAll7After}/${t.generic.pages} pages 7 of 7`,
    adapters: `${t.adapters.right}/${t.adapters.of} fields`,
    'whole run (reads + teaching clicks)': `${ms} ms for ${CORPUS.length} pages`,
  });
  const out = join(dirname(fileURLToPath(import.meta.url)), '../e2e-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'corpus-score.json'), JSON.stringify({ totals: t, pages: table(results) }, null, 2));
  expect(results).toHaveLength(CORPUS.length);
});
