import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORPUS } from './fixtures/corpus';
import { extractGeneric } from './generic';
import { readPage, teachOn } from './corpus/readPage';
import { readTaught } from './read/taught';

const here = dirname(fileURLToPath(import.meta.url));
const load = (file: string) => new DOMParser().parseFromString(readFileSync(join(here, 'fixtures', file), 'utf8'), 'text/html');
const page = (file: string) => CORPUS.find((p) => p.file === file)!;
const url = (file: string) => `https://help.example.test${page(file).path}`;

describe('generic reading of a page no adapter knows', () => {
  it('reads the selection as the message when the agent selected text, keeping its lines', () => {
    const t = extractGeneric(
      load('unknown.html'),
      '  Reset e-mails do not arrive \n 1. Open login ',
      {},
      'https://desk.example/desk/case/77120',
    );
    expect(t.latestMessage).toBe('Reset e-mails do not arrive\n1. Open login');
  });
  it('skips a hidden "Loading ..." heading and takes the ticket number alone', () => {
    const t = extractGeneric(load('generic/osticket-322302.html'), '', {}, url('generic/osticket-322302.html'));
    expect(t.subject).toBe('Invoices export as empty PDF files');
    expect(t.ticketId).toBe('322302');
    expect(t.site).toBe('osTicket');
  });
  it('tells the customer apart from staff: first and latest customer message, quotes and signatures trimmed, lines kept', () => {
    const t = extractGeneric(load('generic/osticket-322302.html'), '', {}, url('generic/osticket-322302.html'));
    expect(t.firstMessage).toContain('Steps:\n1. Open Billing > Invoices\n2. Select any invoice from November\n3. Click "Export PDF"');
    expect(t.firstMessage).not.toContain('Best regards');
    expect(t.latestMessage).toBe('We are on version 5.3.1. It also happens in Chrome.');
  });
  it('reads labels in German and French', () => {
    const de = extractGeneric(load('generic/glpi-1183.html'), '', {}, url('generic/glpi-1183.html'));
    expect([de.subject, de.customerName, de.customerEmail]).toEqual([
      'Drucker im 2. OG druckt nur leere Seiten',
      'Petra Vogel',
      'petra.vogel@stadtbau-kiel.example',
    ]);
    const fr = extractGeneric(load('generic/redmine-4512.html'), '', {}, url('generic/redmine-4512.html'));
    expect([fr.customerName, fr.customerEmail, fr.customerOrg]).toEqual([
      'Élodie Bernard',
      'elodie.bernard@maison-lune.example',
      'Maison Lune',
    ]);
  });
});

describe('teach mode that holds', () => {
  const taught = teachOn(load('generic/osticket-322302.html'), page('generic/osticket-322302.html'));
  it('stores selectors that name elements, not positions, and the label beside each value', () => {
    expect(taught.customerName).toMatchObject({ css: 'span[id^="user-"][id$="-name"]', label: 'User:' });
    expect(taught.customerEmail?.css).toBe('span[id^="user-"][id$="-email"]');
    expect(taught.subject?.css).toBe('div.tixTitle.has_bottom_border h3');
    for (const f of Object.values(taught)) expect(f.css).not.toMatch(/nth-child|nth-of-type/);
  });
  it('on another ticket of the site with a changed layout, every taught field reads the right value', () => {
    const other = 'generic/osticket-322530.html';
    const t = extractGeneric(load(other), '', taught, url(other));
    expect(t.warnings).toEqual([]);
    expect([t.ticketId, t.subject, t.customerName, t.customerEmail]).toEqual([
      '322530',
      'Dashboard charts stay blank after upgrade',
      'Aiko Tanaka',
      'aiko.tanaka@kitsune-games.example',
    ]);
  });
  it('"latest message" is the last match of a repeated element, not the first', () => {
    expect(taught.latestMessage?.all).toBe(true);
    const doc = load('generic/osticket-322530.html');
    expect(readTaught(doc, taught.latestMessage, true)).toBe(
      'No, clearing the cache changes nothing. Colleagues see the same.\n--\nAiko Tanaka | Kitsune Games | +81 3 0000 0000',
    );
  });
  it('keeps only the number of a taught "Ticket #322302", and applies an agent-given pattern', () => {
    const doc = load('generic/osticket-322302.html');
    expect(extractGeneric(doc, '', { ticketId: taught.ticketId }, url('generic/osticket-322302.html')).ticketId).toBe('322302');
    expect(readTaught(doc, { css: '.flush-left h2 a', pattern: '#(\\d{3})' })).toBe('322');
  });
  it('falls back to the label when the selector finds nothing, and warns when neither does', () => {
    const doc = load('generic/osticket-322417.html');
    const t = extractGeneric(
      doc,
      '',
      { customerEmail: { css: '.gone', label: 'Email:' }, customerOrg: { css: '.nothing-here' } },
      url('generic/osticket-322417.html'),
    );
    expect(t.customerEmail).toBe('m.rossi@tecnoplast.example');
    expect(t.warnings).toEqual(['customerOrg']);
  });
  it('ignores an invalid selector rather than breaking the capture', () => {
    const t = extractGeneric(load('unknown.html'), '', { customerOrg: { css: '##bad[' } }, 'https://desk.example/desk/case/77120');
    expect(t.customerOrg).toBeUndefined();
    expect(t.warnings).toEqual(['customerOrg']);
  });
});

describe('the real-browser score has a fast twin here', () => {
  it.each(CORPUS.filter((p) => !p.adapter).map((p) => p.file))('%s reads the customer from the page', (file) => {
    const { ctx } = readPage(load(file), page(file), url(file));
    expect(ctx.customerName).toBe(page(file).expected.customerName);
  });
});
