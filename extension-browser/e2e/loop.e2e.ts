import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURES } from '../src/crm/fixtures/expected';
import { fullIncident, nodeClient, openCrmPage, openPanel, startWorld, type World } from './harness';
import { escalate, fixIt } from './loopHelpers';

const crmPath = FIXTURES.find((f) => f.crm === 'servicenow')!.path;

describe('closing the loop with developers in My escalations (real Chromium, real server)', () => {
  let w: World;
  let panel: Page;
  let crm: Page;
  beforeAll(async () => {
    w = await startWorld();
    crm = await openCrmPage(w.browser, w.fixtures.url + crmPath);
    panel = (await openPanel(w.browser)).panel;
    await panel.click('button[data-tab="escalations"]');
    await panel.locator('.escalations .live').waitFor();
  });
  afterAll(async () => {
    await panel?.close();
    await crm?.close();
    await w?.close();
  });
  const agent = () => nodeClient(w.server.url, w.token);
  const dev = () => nodeClient(w.server.url, w.server.demoTokens!.developer);
  const row = (ref: string) => panel.locator(`.escalations li[data-ref="${ref}"]`);

  it('a developer question arrives live with who asked and the CRM link; the answer puts it back in progress', async () => {
    const crmUrl = w.fixtures.url + crmPath;
    const ref = await escalate(agent(), 'Checkout crashes on submit', crmUrl);
    await row(ref).waitFor({ timeout: 10_000 });
    await dev().incidents.assign.mutate({ ref, owner: 'me' });
    await row(ref).locator('.owner', { hasText: 'Dev Dana' }).waitFor({ timeout: 10_000 });
    await dev().incidents.ask.mutate({ ref, question: 'Which payment method <b>exactly</b>?' });

    const box = row(ref).locator('.answer-box');
    await box.waitFor({ timeout: 10_000 });
    expect(await box.locator('.question-text').textContent()).toBe('Which payment method <b>exactly</b>?'); // text, not HTML
    expect(await box.locator('.meta').textContent()).toContain('Dev Dana');
    expect(await box.locator('a.crm-link').getAttribute('href')).toBe(crmUrl);

    // An empty answer is refused in the panel, before the server.
    await box.locator('.answer-send').click();
    await box.locator('.answer-error').waitFor();
    await box.locator('textarea').fill('Visa credit card, 3-D Secure');
    await box.locator('.answer-send').click();
    await panel.locator(`.escalations li[data-ref="${ref}"][data-status="in_progress"]`).waitFor({ timeout: 10_000 });
    expect(await row(ref).locator('.answer-box').count()).toBe(0);
    expect(await row(ref).locator('.answer-sent').textContent()).toBe('Answer sent — the developer sees it now.');

    const incident = await fullIncident(agent(), ref);
    expect(incident.status).toBe('in_progress');
    expect(incident.timeline.find((e) => e.kind === 'answer')?.text).toContain('Visa credit card, 3-D Secure');
    // Each hand-over is in the detail's history: assignment, question, answer.
    // the row stays open after the answer (its status moved on), with the confirmation and the history
    expect(await row(ref).locator('.toggle-detail').getAttribute('aria-expanded')).toBe('true');
    await row(ref).locator('.timeline li[data-kind="answer"]').waitFor({ state: 'attached', timeout: 10_000 });
    const kinds = await row(ref)
      .locator('.timeline li')
      .evaluateAll((l) => l.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['assigned', 'question', 'answer']));
  });

  it('"could not reproduce" comes back to L1 with what is needed, beside every reproduction attempt', async () => {
    const ref = await escalate(agent(), 'Invoice PDF is blank', w.fixtures.url + crmPath);
    await dev().incidents.assign.mutate({ ref, owner: 'me' });
    await dev().incidents.transition.mutate({ ref, to: 'in_progress' });
    await dev().incidents.reproduction.mutate({
      ref,
      result: 'reproduced',
      notes: 'Blank on Firefox',
      environment: { browser: 'Firefox 140' },
    });
    await dev().incidents.reproduction.mutate({
      ref,
      result: 'not_reproduced',
      notes: 'Need the invoice number and the customer locale',
      environment: { browser: 'Chrome 130' },
    });
    const r = panel.locator(`.escalations li[data-ref="${ref}"][data-status="needs_info"]`);
    await r.locator('.needed-notes').waitFor({ timeout: 10_000 });
    expect(await r.locator('.needed-notes').textContent()).toBe('Need the invoice number and the customer locale');
    expect(await r.locator('.reproduction').evaluateAll((l) => l.map((e) => e.getAttribute('data-result')))).toEqual([
      'reproduced',
      'not_reproduced',
    ]);
    expect(await r.locator('.reproduction .env').first().textContent()).toContain('browser=Firefox 140');
    await r.locator('.answer-box textarea').fill('Invoice 2026-0042, locale de-AT');
    await r.locator('.answer-send').click();
    await panel.locator(`.escalations li[data-ref="${ref}"][data-status="in_progress"]`).waitFor({ timeout: 10_000 });
  });

  it('a fixed incident is verified with the customer and closed from the panel', async () => {
    const ref = await escalate(agent(), 'Coupon code rejected', w.fixtures.url + crmPath);
    await fixIt(dev(), ref, '4.3.1');
    const verify = row(ref).locator('.verify');
    await verify.waitFor({ timeout: 10_000 });
    expect(await verify.locator('.verify-title').textContent()).toBe('Fixed in 4.3.1 — verify with the customer');
    await verify.locator('.verify-confirm').click();
    await panel.locator(`.escalations li[data-ref="${ref}"][data-status="closed"]`).waitFor({ timeout: 10_000 });
    const incident = await fullIncident(agent(), ref);
    expect(incident.status).toBe('closed');
    expect(incident.timeline.some((e) => e.kind === 'verified')).toBe(true);
  });

  it('"still fails" needs text and reopens it with that reason; "could not reach" closes with the reason', async () => {
    const ref = await escalate(agent(), 'Export to CSV is empty', w.fixtures.url + crmPath);
    await fixIt(dev(), ref, '4.3.2');
    const verify = row(ref).locator('.verify');
    await verify.waitFor({ timeout: 10_000 });
    await verify.locator('.verify-still-fails').click();
    expect(await verify.locator('.verify-error').textContent()).toBe('Say what still fails.');
    await verify.locator('.verify-text').fill('The export is still empty for orders before 2025');
    await verify.locator('.verify-still-fails').click();
    await panel.locator(`.escalations li[data-ref="${ref}"][data-status="in_progress"]`).waitFor({ timeout: 10_000 });
    const reopened = await fullIncident(agent(), ref);
    expect(reopened.status).toBe('in_progress');
    expect(JSON.stringify(reopened.timeline.at(-1))).toContain('The export is still empty for orders before 2025');

    await dev().incidents.transition.mutate({ ref, to: 'fixed', version: '4.3.3' });
    await row(ref).locator('.verify-title', { hasText: '4.3.3' }).waitFor({ timeout: 10_000 });
    await row(ref).locator('.verify-text').fill('Customer on leave until January');
    await row(ref).locator('.verify-unreachable').click();
    await panel.locator(`.escalations li[data-ref="${ref}"][data-status="closed"]`).waitFor({ timeout: 10_000 });
    expect((await fullIncident(agent(), ref)).timeline.at(-1)?.text).toContain('Customer on leave until January');
  });
});
