import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
import { describe, expect, it } from 'vitest';
import { extractGeneric } from './generic';

const doc = () => new DOMParser().parseFromString(readFileSync(join(here, 'fixtures/unknown.html'), 'utf8'), 'text/html');

describe('generic fallback', () => {
  it('reads the title, e-mail addresses, ticket-like numbers and the selection', () => {
    const t = extractGeneric(doc(), '  Reset e-mails do not arrive ');
    expect(t.subject).toBe('Case 77120 – In-house Desk');
    expect(t.customerEmail).toBe('olga@petrova-shop.example');
    expect(t.ticketNumbers).toContain('REF-4410');
    expect(t.latestMessage).toBe('Reset e-mails do not arrive');
  });
  it('prefers what the agent taught for the site, and ignores a broken selector', () => {
    const t = extractGeneric(doc(), '', { ticketId: '.case-no', subject: '.case-title', customerName: '.cust', customerOrg: '##bad[' });
    expect(t).toMatchObject({
      ticketId: '77120',
      subject: 'Password emails never arrive',
      customerName: 'Olga Petrova',
      customerOrg: undefined,
    });
  });
});
