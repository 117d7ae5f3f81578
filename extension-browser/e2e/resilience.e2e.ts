import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '@handoff/server';
import { EXTRA_PAGES, FIXTURES } from '../src/crm/fixtures/expected';
import { fillMinimal, nodeClient, openCrmPage, openPanel, startWorld, type World } from './harness';

const fixture = (crm: string) => FIXTURES.find((f) => f.crm === crm)!;

describe('never lose a capture; hostile text stays text (real Chromium, real server)', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => w?.close());

  it('keeps a draft per ticket across closing and reopening the panel', async () => {
    let crm = await openCrmPage(w.browser, w.fixtures.url + fixture('freshdesk').path);
    let { panel } = await openPanel(w.browser);
    await panel.fill('input[name="title"]', 'Login fails after reset — edited');
    await panel.fill('textarea[name="steps.0.action"]', 'Reset the password');
    await panel.selectOption('#f-category', 'login');
    await panel.close(); // closed right after typing: the pagehide flush must save it
    ({ panel } = await openPanel(w.browser));
    expect(await panel.inputValue('input[name="title"]')).toBe('Login fails after reset — edited');
    expect(await panel.inputValue('textarea[name="steps.0.action"]')).toBe('Reset the password');
    expect(await panel.inputValue('#f-category')).toBe('login');
    await panel.close();
    // Closing the CRM tab too: the same ticket opened again brings the draft back.
    await crm.close();
    crm = await openCrmPage(w.browser, w.fixtures.url + fixture('freshdesk').path);
    ({ panel } = await openPanel(w.browser));
    expect(await panel.inputValue('input[name="title"]')).toBe('Login fails after reset — edited');
    await panel.close();
    // Another ticket has its own draft, pre-filled from its own page.
    await openCrmPage(w.browser, w.fixtures.url + fixture('zendesk').path, crm);
    ({ panel } = await openPanel(w.browser));
    expect(await panel.inputValue('input[name="title"]')).toBe(fixture('zendesk').expected.subject);
    await panel.close();
    await crm.close();
  });

  it('shows markup from a page and from the server as text, never as HTML', async () => {
    const crm = await openCrmPage(w.browser, w.fixtures.url + EXTRA_PAGES.xss.path);
    const { panel } = await openPanel(w.browser);
    const subject = await panel.inputValue('input[name="title"]');
    expect(subject).toBe(`<img src=x onerror="document.title='XSS'"> broken <b>bold</b>`);
    // An oversized message is cut to the server's limit with a visible note, not silently.
    expect(await panel.textContent('.truncated')).toContain('Latest customer message');
    // the description holds the customer's first message, then the latest one cut at the page-read limit
    const description = await panel.inputValue('textarea[name="description"]');
    expect(description.startsWith('<img src=x onerror=alert(1)>\n\nThe export log line repeats')).toBe(true);
    expect(description.length).toBe('<img src=x onerror=alert(1)>\n\n'.length + 5000);
    await fillMinimal(panel);
    await panel.click('button.submit');
    const ref = await panel.locator('[data-testid="reference"]').textContent();
    await panel.click('button[data-tab="escalations"]');
    const row = panel.locator(`.escalations li[data-ref="${ref}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(`<img src=x onerror="document.title='XSS'"> broken <b>bold</b>`);
    expect(await panel.locator('main img, main b, main script').count()).toBe(0);
    expect(await panel.title()).toBe('Handoff');
    expect(await crm.title()).not.toBe('XSS');
    await panel.close();
    await crm.close();
  });

  it('queues a capture while the server is down and sends it exactly once when it is back', async () => {
    const title = `Offline capture ${Date.now()}`;
    const crm = await openCrmPage(w.browser, w.fixtures.url + fixture('hubspot').path);
    const { panel } = await openPanel(w.browser);
    const port = w.server.port;
    await w.server.close();

    await panel.fill('input[name="title"]', title);
    await fillMinimal(panel, 'performance');
    await panel.click('button.submit');
    await panel.locator('.queued').waitFor();
    await panel.click('button[data-tab="queue"]');
    const item = panel.locator('.queue-item.pending');
    await item.waitFor();
    expect(await item.textContent()).toContain(title);
    expect(await item.locator('.reason').textContent()).toBeTruthy();

    // Same data directory and port; no demo re-seed, so the agent's token stays valid.
    w.server = await startServer({ port, host: '127.0.0.1', dataDir: w.dataDir });
    // Three senders at once (two clicks in the panel, one in the service worker): still one incident.
    await Promise.all([
      panel.click('button.send-now'),
      panel.click('button.send-now').catch(() => undefined),
      panel.evaluate(() => chrome.runtime.sendMessage({ type: 'queue:flush' })),
    ]);
    await panel.locator('.queue .empty').waitFor({ timeout: 20_000 });
    const sentRef = await panel.locator('.sent li strong').first().textContent();
    expect(sentRef).toMatch(/^INC-\d+$/);

    const api = nodeClient(w.server.url, w.token);
    const { items } = await api.incidents.list.query({ reporter: 'me', limit: 100 });
    expect(items.filter((i) => i.title === title)).toHaveLength(1);
    expect(items.find((i) => i.title === title)!.reference).toBe(sentRef);
    await panel.close();
    await crm.close();
  });

  it('a capture the server rejects later is marked failed with the reason and does not block the next one', async () => {
    const stamp = Date.now();
    const crm = await openCrmPage(w.browser, w.fixtures.url + fixture('zammad').path);
    const { panel } = await openPanel(w.browser);
    const port = w.server.port;
    await w.server.close();
    await panel.fill('input[name="title"]', `Rejected later ${stamp}`);
    await fillMinimal(panel, 'login');
    await panel.click('button.submit');
    await panel.locator('.queued').waitFor();
    await panel.close();
    await openCrmPage(w.browser, w.fixtures.url + fixture('github').path, crm);
    const second = (await openPanel(w.browser)).panel;
    await second.fill('input[name="title"]', `Accepted later ${stamp}`);
    await fillMinimal(second, 'billing');
    await second.click('button.submit');
    await second.locator('.queued').waitFor();

    // While the captures waited, a lead added a required question to the login template.
    w.server = await startServer({ port, host: '127.0.0.1', dataDir: w.dataDir });
    const lead = nodeClient(w.server.url, await w.server.addUser({ name: 'Lou Lead', role: 'lead' }));
    const login = (await lead.templates.list.query()).find((t) => t.category === 'login')!;
    await lead.templates.upsert.mutate({
      category: 'login',
      label: login.label,
      questions: [
        ...login.questions,
        { id: 'sso-provider', text: 'Which SSO provider?', why: 'Each provider fails differently', required: true, kind: 'text' },
      ],
    });

    await second.click('button[data-tab="queue"]');
    await second.click('button.send-now');
    const failed = second.locator('.queue-item.failed');
    await failed.waitFor({ timeout: 20_000 });
    expect(await failed.textContent()).toContain(`Rejected later ${stamp}`);
    expect(await failed.locator('.reason').textContent()).toMatch(/sso-provider|SSO provider/);
    await second.locator('.sent li', { hasText: `Accepted later ${stamp}` }).waitFor();
    const { items } = await nodeClient(w.server.url, w.token).incidents.list.query({ reporter: 'me', limit: 100 });
    expect(items.filter((i) => i.title.endsWith(String(stamp))).map((i) => i.title)).toEqual([`Accepted later ${stamp}`]);
    // The agent can discard it (or fix the token/template and retry).
    await failed.locator('button', { hasText: 'Discard' }).click();
    await second.locator('.queue .empty').waitFor();
    await second.close();
    await crm.close();
  });
});

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
