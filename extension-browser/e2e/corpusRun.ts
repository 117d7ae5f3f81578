// biome-ignore lint/suspicious/noExplicitAny: the extension's chrome global, used only inside evaluate()
declare const chrome: any;
import type { Page } from 'playwright-core';
import { CORPUS, type CorpusPage } from '../src/crm/fixtures/corpus';
import { rightOf, SCORED_FIELDS, scoreRead, type FieldScore } from '../src/crm/corpus/score';
import type { SiteMapping } from '../src/crm/read/taught';
import { adapterById } from '../src/crm/registry';
import { MAPPING_GLOBAL } from '../src/crm/runGeneric';
import { taughtFrom, type PickedElement } from '../src/crm/teach';
import type { TicketContext } from '../src/crm/ticketContext';
import type { Browser } from './harness';

async function tabIdOf(b: Browser, url: string): Promise<number> {
  return b.worker.evaluate(
    async (u: string) => (await chrome.tabs.query({})).find((t: { url?: string }) => t.url === u)!.id as number,
    url,
  );
}

/** Reads the tab with the extension's own injected script, exactly as the panel does (adapter, or generic + mapping). */
async function readTab(b: Browser, tabId: number, page: CorpusPage, mapping: SiteMapping): Promise<TicketContext> {
  return b.worker.evaluate(
    async ({ tabId, adapter, mapping, name }) => {
      if (!adapter)
        await chrome.scripting.executeScript({
          target: { tabId },
          func: (n: string, m: unknown) => {
            (globalThis as Record<string, unknown>)[n] = m;
          },
          args: [name, mapping],
        });
      const [r] = await chrome.scripting.executeScript({ target: { tabId }, files: [adapter ? '/extract-crm.js' : '/extract-generic.js'] });
      return r.result;
    },
    { tabId, adapter: page.adapter, mapping, name: MAPPING_GLOBAL },
  );
}

/** Teaches each field by clicking its element with the real teach script, as an agent does. */
async function teachTab(b: Browser, tabId: number, tab: Page, page: CorpusPage): Promise<SiteMapping> {
  const mapping: SiteMapping = {};
  for (const [field, css] of Object.entries(page.teach ?? {}) as [keyof SiteMapping, string][]) {
    const picked = b.worker.evaluate(async (tabId: number) => {
      const [r] = await chrome.scripting.executeScript({ target: { tabId }, files: ['/teach.js'] });
      return r.result;
    }, tabId) as Promise<PickedElement | null>;
    // the picker listens once it is injected: click until it answers
    const clicked = (async () => {
      for (let i = 0; i < 50; i++) {
        await tab.locator(css).first().click({ force: true });
        if (await Promise.race([picked.then(() => true), new Promise((r) => setTimeout(() => r(false), 100))])) return;
      }
    })();
    await clicked;
    const p = await picked;
    if (!p) throw new Error(`teaching ${field} on ${page.file} picked nothing`);
    mapping[field] = taughtFrom(field, p);
  }
  return mapping;
}

export interface PageResult {
  page: string;
  adapter: string | null;
  before: FieldScore;
  after: FieldScore;
}

/** Reads every corpus page in real Chromium before and after teaching (taught once per site, on its first page). */
export async function runCorpus(b: Browser, baseUrl: string): Promise<PageResult[]> {
  const taught = new Map<string, SiteMapping>();
  const out: PageResult[] = [];
  const tab = await b.context.newPage();
  for (const page of CORPUS) {
    const url = baseUrl + page.path;
    await tab.goto(url);
    const tabId = await tabIdOf(b, url);
    const shown = (ctx: TicketContext) => (page.adapter ? adapterById(page.adapter)!.label : ctx.site);
    const before = await readTab(b, tabId, page, {});
    if (page.teach && !taught.has(page.site)) taught.set(page.site, await teachTab(b, tabId, tab, page));
    const after = page.adapter ? before : await readTab(b, tabId, page, taught.get(page.site) ?? {});
    out.push({
      page: page.file,
      adapter: page.adapter,
      before: scoreRead(before, page.expected, url, shown(before)),
      after: scoreRead(after, page.expected, url, shown(after)),
    });
  }
  await tab.close();
  return out;
}

export interface Totals {
  generic: { before: number; after: number; of: number; pagesAtLeast6Before: number; pagesAll7After: number; pages: number };
  adapters: { right: number; of: number };
}

export function totals(results: PageResult[]): Totals {
  const generic = results.filter((r) => !r.adapter);
  const sum = (xs: PageResult[], k: 'before' | 'after') => xs.reduce((n, r) => n + rightOf(r[k]).right, 0);
  const of = (xs: PageResult[]) => xs.reduce((n, r) => n + rightOf(r.before).of, 0);
  const adapters = results.filter((r) => r.adapter);
  return {
    generic: {
      before: sum(generic, 'before'),
      after: sum(generic, 'after'),
      of: of(generic),
      pagesAtLeast6Before: generic.filter((r) => rightOf(r.before).right >= Math.min(6, rightOf(r.before).of)).length,
      pagesAll7After: generic.filter((r) => rightOf(r.after).right === rightOf(r.after).of).length,
      pages: generic.length,
    },
    adapters: { right: sum(adapters, 'before'), of: of(adapters) },
  };
}

/** One row per page: each field ✓/✗ (· when the page has nothing to read), before → after teaching. */
export function table(results: PageResult[]): Record<string, string>[] {
  const mark = (v: boolean | null) => (v === null ? '·' : v ? '✓' : '✗');
  return results.map((r) => ({
    page: r.page.replace(/^generic\//, ''),
    reader: r.adapter ?? 'generic',
    ...Object.fromEntries(SCORED_FIELDS.map((f) => [f, r.adapter ? mark(r.before[f]) : `${mark(r.before[f])}→${mark(r.after[f])}`])),
    score: r.adapter
      ? `${rightOf(r.before).right}/${rightOf(r.before).of}`
      : `${rightOf(r.before).right}→${rightOf(r.after).right}/${rightOf(r.after).of}`,
  }));
}
