import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../fixtures/corpus';
import { readPage, teachOn } from './readPage';
import { rightOf, scoreRead } from './score';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');
const load = (file: string) => new DOMParser().parseFromString(readFileSync(join(fixtures, file), 'utf8'), 'text/html');

describe('the scored corpus, read without layout (the real-browser score is in e2e/corpus.e2e.ts)', () => {
  it('reads every page; prints what each field got', () => {
    const rows: Record<string, string>[] = [];
    const taught = new Map<string, ReturnType<typeof teachOn>>();
    for (const page of CORPUS) {
      const url = `http://127.0.0.1:8123${page.path}`;
      const before = readPage(load(page.file), page, url);
      if (page.teach) taught.set(page.site, teachOn(load(page.file), page));
      const after = readPage(load(page.file), page, url, taught.get(page.site) ?? {});
      const s0 = scoreRead(before.ctx, page.expected, url, before.shown);
      const s1 = scoreRead(after.ctx, page.expected, url, after.shown);
      rows.push({
        page: page.file,
        before: `${rightOf(s0).right}/${rightOf(s0).of}`,
        after: `${rightOf(s1).right}/${rightOf(s1).of}`,
        wrong: Object.entries(s1)
          .filter(([, v]) => v === false)
          .map(
            ([k]) =>
              `${k}=${JSON.stringify((after.ctx as unknown as Record<string, unknown>)[k === 'title' ? 'subject' : k === 'helpdesk' ? 'site' : k === 'description' ? 'latestMessage' : k])?.slice(0, 60)}`,
          )
          .join(' '),
      });
    }
    console.table(rows);
    expect(rows).toHaveLength(CORPUS.length);
  });
});
