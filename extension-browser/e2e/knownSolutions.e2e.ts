import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterById } from '../src/crm/registry';
import { FIXTURES } from '../src/crm/fixtures/expected';
import { fillMinimal, nodeClient, openCrmPage, openPanel, screenshot, startWorld, type World } from './harness';

const servicenow = FIXTURES.find((f) => f.crm === 'servicenow')!;

describe('known solutions at capture (real Chromium)', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => w?.close());

  /** A verified problem group whose title is the ServiceNow fixture's subject, with a recorded solution and customer answer. */
  async function solvedGroup() {
    const agent = nodeClient(w.server.url, w.token);
    const dev = nodeClient(w.server.url, w.server.demoTokens!.developer);
    const tpl = (await agent.templates.list.query()).find((t) => t.category === 'crash')!;
    const answer = (kind: string, options?: string[] | null) =>
      kind === 'choice' ? options![0]! : kind === 'number' ? '1' : kind === 'url' ? 'https://x.example' : kind === 'yesno' ? 'yes' : 'x';
    const { reference: group } = await agent.incidents.create.mutate({
      idempotencyKey: crypto.randomUUID(),
      title: servicenow.expected.subject!,
      category: 'crash',
      answers: Object.fromEntries(tpl.questions.filter((q) => q.required).map((q) => [q.id, answer(q.kind, q.options)])),
      product: 'Shop',
      customer: { name: 'First Customer' },
      crm: { system: 'servicenow' },
      severity: 'high',
    });
    await dev.incidents.transition.mutate({ ref: group, to: 'in_progress' });
    await dev.incidents.transition.mutate({ ref: group, to: 'fixed', version: '2.4.1' });
    await agent.incidents.transition.mutate({ ref: group, to: 'verified' });
    await dev.knownSolutions.record.mutate({
      ref: group,
      solution: 'The PDF renderer times out on invoices with more than 500 lines; 2.4.1 streams them.',
      customerAnswer: 'Please update to 2.4.1, or download invoices with fewer than 500 lines meanwhile.',
    });
    return group;
  }

  it('lists the known solution first while capturing, resolves at L1 without escalation and inserts the answer for the customer', async () => {
    const group = await solvedGroup();
    const api = nodeClient(w.server.url, w.token);
    const before = await api.incidents.byRef.query({ ref: group });
    const crm = await openCrmPage(w.browser, w.fixtures.url + servicenow.path);
    const { panel } = await openPanel(w.browser);
    const known = panel.locator(`.known-solutions li[data-group="${group}"]`);
    await known.waitFor({ timeout: 15_000 });
    // Known solutions come before the similar incidents, with the solution and the customer answer.
    const order = await panel.evaluate(() =>
      [...document.querySelectorAll('section.known-solutions, section.similar')].map((s) => s.className),
    );
    expect(order[0]).toBe('known-solutions');
    expect(await known.locator('.solution').textContent()).toBe(
      'Solution: The PDF renderer times out on invoices with more than 500 lines; 2.4.1 streams them.',
    );
    expect(await known.locator('.customer-answer').textContent()).toBe(
      'Tell the customer: Please update to 2.4.1, or download invoices with fewer than 500 lines meanwhile.',
    );
    expect(await known.locator('.meta').textContent()).toBe('Resolved at L1 with it: 0');
    await screenshot(panel, 'known-solution-at-capture');

    await fillMinimal(panel, 'crash');
    await known.locator('button.resolve-known').click();
    const reference = panel.locator('[data-testid="reference"]');
    await reference.waitFor({ timeout: 15_000 });
    const ref = (await reference.textContent())!;
    expect(ref).not.toBe(group);
    expect(await panel.textContent('.result > p')).toBe(`Resolved at L1 with the known solution of ${group} — no escalation:`);
    const reply = `Please update to 2.4.1, or download invoices with fewer than 500 lines meanwhile. (Reference: ${ref})`;
    expect(await panel.textContent('.result output.customer-answer')).toBe(reply);
    await screenshot(panel, 'known-solution-resolved');

    // The customer answer goes into the CRM's editor like the reference does.
    await panel.click('button.insert-reply');
    await panel.locator('.result .note', { hasText: 'Inserted' }).waitFor();
    const note = crm.locator(adapterById('servicenow')!.noteSelector!);
    expect(await note.inputValue()).toBe(reply);

    // Recorded on the server: resolved at L1 in the group, its customer counted there, not open work for developers.
    const resolved = await api.incidents.byRef.query({ ref });
    expect(resolved).toMatchObject({ status: 'duplicate', duplicateOf: group });
    expect((await api.incidents.byRef.query({ ref: group })).affectedCustomers).toBe(before.affectedCustomers + 1);
    const [solution] = await api.knownSolutions.similar.query({ text: servicenow.expected.subject!, limit: 1 });
    expect(solution).toMatchObject({ group, resolvedAtL1: 1 });
    await panel.close();
    await crm.close();
  });

  it('shows the known solutions in German and French', async () => {
    const crm = await openCrmPage(w.browser, w.fixtures.url + servicenow.path);
    const { panel } = await openPanel(w.browser);
    await panel.locator('.known-solutions h3').waitFor({ timeout: 15_000 });
    const options = await w.browser.context.newPage();
    await options.goto(`chrome-extension://${w.browser.id}/options.html`);
    await options.selectOption('#language', 'de');
    await panel.locator('.known-solutions h3', { hasText: 'Bekannte Lösungen' }).waitFor();
    expect(await panel.textContent('.known-solutions button.resolve-known')).toBe('Mit bekannter Lösung lösen');
    await options.selectOption('#language', 'fr');
    await panel.locator('.known-solutions h3', { hasText: 'Solutions connues' }).waitFor();
    expect(await panel.textContent('.known-solutions button.resolve-known')).toBe('Résoudre avec la solution connue');
    await options.selectOption('#language', 'en');
    await options.close();
    await panel.close();
    await crm.close();
  });
});
