import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTRA_PAGES, FIXTURES } from '../src/crm/fixtures/expected';
import { fillMinimal, fullIncident, nodeClient, openCrmPage, openPanel, startWorld, type World } from './harness';

const fixture = (crm: string) => FIXTURES.find((f) => f.crm === crm)!;

describe('teach mode, options, languages, similar incidents, live escalations, screenshots (real Chromium)', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => w?.close());

  it('teach mode: the agent clicks each field once on an unknown site; the next ticket there uses it', async () => {
    const url = w.fixtures.url + EXTRA_PAGES.unknown.path;
    const crm = await openCrmPage(w.browser, url);
    const { panel } = await openPanel(w.browser);
    // The generic reader names the helpdesk from the page and already finds most fields.
    expect(await panel.textContent('.crm')).toBe('In-house Desk');
    expect(await panel.inputValue('input[name="customer.email"]')).toBe('olga@petrova-shop.example');
    expect(await panel.inputValue('input[name="title"]')).toBe('Password emails never arrive');
    await panel.click('details.teach > summary'); // folded while the page reads well by itself

    for (const [field, selector] of [
      ['ticketId', '.case-no'],
      ['subject', '.case-title'],
      ['customerName', '.cust'],
      ['customerOrg', '.cust-company'],
    ] as const) {
      await panel.click(`button[data-teach="${field}"]`);
      await panel.locator(`button[data-teach="${field}"]`, { hasText: 'Click it on the page' }).waitFor();
      await crm.click(selector);
      await panel.locator(`button[data-teach="${field}"]`, { hasText: /^(?!Click it)/ }).waitFor();
    }
    await expectValue(panel, 'input[name="title"]', 'Password emails never arrive');
    await expectValue(panel, 'input[name="customer.name"]', 'Olga Petrova');
    await expectValue(panel, 'input[name="customer.org"]', 'Petrova Shop');
    expect(await panel.textContent('.ticket-id')).toContain('77120');
    await panel.close();

    // A fresh panel on the same site: the mapping is remembered (and listed, editable, in the options).
    const again = await openPanel(w.browser);
    expect(await again.panel.inputValue('input[name="customer.name"]')).toBe('Olga Petrova');
    await again.panel.close();
    const options = await w.browser.context.newPage();
    await options.goto(`chrome-extension://${w.browser.id}/options.html`);
    expect(await options.locator('.mappings').textContent()).toContain(new URL(url).origin);
    await options.close();
    await crm.close();
  });

  it('options: says whether the URL is wrong, the server unreachable or the token wrong; accepts whom the panel serves', async () => {
    const page = await w.browser.context.newPage();
    await page.goto(`chrome-extension://${w.browser.id}/options.html`);
    let attempt = 0;
    const check = async (url: string, token: string) => {
      attempt++;
      await page.fill('#server-url', url);
      await page.fill('#token', token);
      await page.click('.check-save');
      const r = page.locator(`.check-result[data-attempt="${attempt}"]`);
      await r.waitFor();
      return { reason: await r.getAttribute('data-reason'), text: await r.textContent() };
    };
    expect(await check('http://127.0.0.1:9', w.token)).toMatchObject({ reason: 'unreachable' });
    expect(await check('not a url', w.token)).toMatchObject({ reason: 'badUrl' });
    expect(await check(w.server.url, 'wrong-token')).toMatchObject({ reason: 'wrongToken' });
    // The permission model lets a developer capture too: no role list turns them away.
    expect(await check(w.server.url, w.server.demoTokens!.developer)).toEqual({ reason: 'ok', text: 'Connected as Dev Dana (developer).' });
    expect(await check(`${w.server.url}/`, w.token)).toMatchObject({ reason: 'ok', text: 'Connected as Alice Agent (agent).' });
    await page.close();
  });

  it('switches the UI language (German, French) and back', async () => {
    const crm = await openCrmPage(w.browser, w.fixtures.url + fixture('zendesk').path);
    const { panel } = await openPanel(w.browser);
    const options = await w.browser.context.newPage();
    await options.goto(`chrome-extension://${w.browser.id}/options.html`);
    await options.selectOption('#language', 'de');
    await panel.locator('button[data-tab="capture"]', { hasText: 'Erfassen' }).waitFor();
    expect(await panel.textContent('button.submit')).toBe('An die Entwicklung senden');
    expect(await options.textContent('h1')).toBe('Handoff-Optionen');
    await options.selectOption('#language', 'fr');
    await panel.locator('button[data-tab="capture"]', { hasText: 'Saisie' }).waitFor();
    await options.selectOption('#language', 'en');
    await panel.locator('button[data-tab="capture"]', { hasText: 'Capture' }).waitFor();
    await options.close();
    await panel.close();
    await crm.close();
  });

  it('shows similar incidents while typing and links this customer to one instead of creating another', async () => {
    const api = nodeClient(w.server.url, w.token);
    const crm = await openCrmPage(w.browser, w.fixtures.url + fixture('jira').path);
    const { panel } = await openPanel(w.browser);
    const hit = panel.locator('.similar li', { hasText: 'SSO login loops back to the sign-in page' });
    await hit.waitFor({ timeout: 10_000 });
    const ref = (await hit.getAttribute('data-ref'))!;
    expect(await hit.textContent()).toMatch(/customer/);
    // Alice reported it in her own team: she sees it in full, with no "whose incident" line.
    expect(await hit.getAttribute('data-access')).toBe('full');
    expect(await hit.locator('.whose').count()).toBe(0);
    const before = (await api.incidents.byRef.query({ ref })).affectedCustomers;
    await hit.locator('button.link-duplicate').click();
    expect(await panel.locator('[data-testid="reference"]').textContent()).toBe(ref);
    expect(await panel.textContent('.result')).toContain('Customer added to incident');
    expect((await api.incidents.byRef.query({ ref })).affectedCustomers).toBe(before + 1);
    await panel.close();
    await crm.close();
  });

  it('my escalations update live over SSE when a developer asks a question', async () => {
    const crm = await openCrmPage(w.browser, w.fixtures.url + fixture('servicenow').path);
    const { panel } = await openPanel(w.browser);
    await panel.click('button[data-tab="escalations"]');
    await panel.locator('.escalations .live').waitFor();
    const agent = nodeClient(w.server.url, w.token);
    // Answer every required question of the server's template for the category.
    const tpl = (await agent.templates.list.query()).find((t) => t.category === 'crash')!;
    const answer = (kind: string, options?: string[] | null) =>
      kind === 'choice' ? options![0]! : kind === 'number' ? '1' : kind === 'url' ? 'https://x.example' : kind === 'yesno' ? 'yes' : 'x';
    const created = await agent.incidents.create.mutate({
      idempotencyKey: crypto.randomUUID(),
      title: 'Live status check',
      category: 'crash',
      answers: Object.fromEntries(tpl.questions.filter((q) => q.required).map((q) => [q.id, answer(q.kind, q.options)])),
      product: 'Shop',
      customer: { name: 'Abel Tuter' },
      crm: { system: 'servicenow' },
      severity: 'low',
    });
    const row = panel.locator(`.escalations li[data-ref="${created.reference}"]`);
    await row.waitFor({ timeout: 10_000 });
    const dev = nodeClient(w.server.url, w.server.demoTokens!.developer);
    await dev.incidents.assign.mutate({ ref: created.reference, owner: 'me' }).catch(() => undefined);
    await dev.incidents.ask.mutate({ ref: created.reference, question: 'Which browser exactly?' });
    await row.locator('.status', { hasText: 'Question for you' }).waitFor({ timeout: 10_000 });
    await panel.close();
    await crm.close();
  });

  it('screenshot: covered regions are painted over in the attached image', async () => {
    const crm = await openCrmPage(w.browser, w.fixtures.url + fixture('zendesk').path);
    const { panel } = await openPanel(w.browser);
    await crm.bringToFront(); // captureVisibleTab shoots the window's active tab: the CRM page
    await panel.click('button.take-screenshot');
    const canvas = panel.locator('canvas.shot');
    await Promise.race([
      canvas.waitFor(),
      panel
        .locator('.form-error')
        .waitFor()
        .then(async () => expect.fail((await panel.textContent('.form-error')) ?? '')),
    ]);
    const box = (await canvas.boundingBox())!;
    await panel.mouse.move(box.x + 5, box.y + 5);
    await panel.mouse.down();
    await panel.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await panel.mouse.up();
    await panel.locator('button.attach-shot', { hasText: '(1 covered)' }).click();
    await panel.locator('.attachment', { hasText: 'screenshot-1.jpg' }).waitFor();
    await fillMinimal(panel, 'billing');
    await panel.click('button.submit');
    const ref = (await panel.locator('[data-testid="reference"]').textContent())!;
    const api = nodeClient(w.server.url, w.token);
    const incident = await fullIncident(api, ref);
    expect(incident.attachments).toHaveLength(1);
    const file = await api.incidents.attachment.query({ ref, id: incident.attachments[0]!.id });
    // Decode the stored JPEG in the browser and sample a covered and an uncovered pixel.
    const [covered, open] = await panel.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/jpeg;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const px = (x: number, y: number) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3));
      return [px(Math.round(img.width * 0.25), Math.round(img.height * 0.25)), px(img.width - 5, img.height - 5)];
    }, file.dataBase64);
    expect(Math.max(...covered)).toBeLessThan(30);
    expect(Math.min(...open)).toBeGreaterThan(200);
    await panel.close();
    await crm.close();
  });
});

async function expectValue(page: import('playwright-core').Page, selector: string, value: string) {
  const deadline = Date.now() + 5000;
  while ((await page.inputValue(selector)) !== value && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(await page.inputValue(selector)).toBe(value);
}
