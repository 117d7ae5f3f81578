import { describe, expect, it } from 'vitest';
import { finishTicket } from '../crm/ticketContext';
import { draftFromTicket } from './formState';
import { offersFor, withEnvironment, withSteps } from './offers';

const text = 'Export is empty.\n1. Open Billing\n2. Pick an invoice\n3. Export PDF\nFirefox 132 on Windows 11, version 5.3.1';
const draft = () => draftFromTicket(finishTicket('other', 'https://x/t/1', { latestMessage: text }));

describe("offers from the customer's text", () => {
  it('offers the numbered steps and the environment while the form has none', () => {
    expect(offersFor(draft(), text)).toEqual({
      steps: ['Open Billing', 'Pick an invoice', 'Export PDF'],
      environment: { os: 'Windows 11', browser: 'Firefox 132', version: '5.3.1' },
    });
  });
  it('accepting fills steps and environment, editable afterwards like typed ones', () => {
    const d = draft();
    const next = { ...d, ...withSteps(['Open Billing', 'Export']), ...withEnvironment(d, { os: 'Windows 11', version: '5.3.1' }) };
    expect(next.steps.map((s) => s.action)).toEqual(['Open Billing', 'Export']);
    expect([next.environment.os, next.environment.browser, next.version]).toEqual(['Windows 11', '', '5.3.1']);
  });
  it('offers nothing the agent already filled in', () => {
    const d = draft();
    const filled = {
      ...d,
      version: '5.3.0',
      environment: { os: 'macOS', browser: 'Safari', config: '' },
      steps: [{ ...d.steps[0]!, action: 'Mine' }],
    };
    expect(offersFor(filled, text)).toEqual({ steps: [], environment: {} });
  });
});
