import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
import { describe, expect, it } from 'vitest';
import { adapterById, adapterFor } from './registry';
import { finishTicket } from './ticketContext';
import { FIXTURES, EXTRA_PAGES } from './fixtures/expected';

function load(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(here, 'fixtures', file), 'utf8'), 'text/html');
}

describe.each(FIXTURES)('$crm adapter on its fixture', (c) => {
  const url = new URL(`http://127.0.0.1:8123${c.path}`);
  it('is the adapter chosen for the ticket URL', () => {
    expect(adapterFor(url.href)?.id).toBe(c.crm);
  });
  it('reads ticket id, subject, customer and the latest customer message', () => {
    const raw = adapterById(c.crm)!.extract(load(c.file), url);
    expect(raw).toMatchObject(c.expected);
    expect(raw.latestMessage).toContain(c.messageHas);
  });
});

describe('Zendesk conversation', () => {
  const zd = FIXTURES.find((f) => f.crm === 'zendesk')!;
  it("keeps the customer's paragraphs apart and reads their first message too", () => {
    const raw = adapterById('zendesk')!.extract(load(zd.file), new URL(`http://x${zd.path}`));
    expect(raw.latestMessage).toBe('Chrome 131 on Windows 11.\n\nIt happens for every card since version 4.2.');
    expect(raw.firstMessage).toBe('Hi, since this morning our checkout shows "card declined (402)".');
  });
});

describe('adapter selection', () => {
  it('uses the CRM of a known host, and none on its non-ticket pages', () => {
    expect(adapterFor('https://acme.zendesk.com/agent/tickets/12')?.id).toBe('zendesk');
    expect(adapterFor('https://acme.zendesk.com/agent/dashboard')).toBeNull();
    expect(adapterFor('https://github.com/acme/widgets/issues/3')?.id).toBe('github');
  });
  it('finds no adapter on unknown pages and non-web URLs', () => {
    expect(adapterFor(`http://127.0.0.1${EXTRA_PAGES.unknown.path}`)).toBeNull();
    expect(adapterFor('chrome-extension://abc/sidepanel.html')).toBeNull();
    expect(adapterFor('not a url')).toBeNull();
  });
});

describe('hostile pages', () => {
  it('returns markup in a subject as plain text', () => {
    const raw = adapterById('zendesk')!.extract(load(EXTRA_PAGES.xss.file), new URL('http://x/agent/tickets/666'));
    expect(raw.subject).toContain('<img src=x onerror=');
  });
  it('cuts oversized fields and says which', () => {
    const ctx = finishTicket('zendesk', 'http://x/', { subject: 'a'.repeat(500), latestMessage: 'ok' });
    expect(ctx.subject).toHaveLength(200);
    expect(ctx.truncated).toEqual(['subject']);
  });
});
