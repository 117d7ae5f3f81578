// Real-VS-Code steps for the customer's page (issue 9): the panel says the incident is shared,
// a comment can be marked visible to the customer, and the customer's comment from their page
// shows in the panel, live. Registered inside the suite of vscode.e2e.test.ts.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { startServer } from '@handoff/server';
import { apiClient, fullIncident } from './api';
import { fillIn, isChecked } from './panelControls';
import { screenshot } from './screenshot';
import type { Workbench } from './workbench';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

interface World {
  wb: Workbench;
  page: Page;
  server: Awaited<ReturnType<typeof startServer>>;
}

/** Posts a comment through the customer's page form, as their browser does (cookie + form field). */
async function commentAsCustomer(url: string, text: string): Promise<number> {
  const page = await fetch(url);
  const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${url}/comments`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, text }).toString(),
  });
  return res.status;
}

export function customerSteps(world: () => World): void {
  let ref = '';
  let url = '';

  it('says the incident is shared and marks a comment made visible to the customer', async () => {
    const { wb, page, server } = world();
    const agent = apiClient(server.url, server.demoTokens!.agent);
    ref = (
      await agent.incidents.create.mutate({
        idempotencyKey: randomUUID(),
        title: 'Password reset mail never arrives',
        category: 'login',
        answers: { error_message: 'none', sso: 'Password', other_browser: 'no', scope: 'Everyone' },
        product: 'Acme Cloud',
        customer: { name: 'Maria Customer', email: 'maria@example.com' },
        crm: { system: 'zendesk', ticketId: '77' },
        severity: 'medium',
        component: 'Web app',
      })
    ).reference;
    url = (await agent.incidents.share.mutate({ ref, email: 'maria@example.com' })).url;
    await wb.runCommand('Handoff: Open Incident…');
    await wb.answerInput(ref);
    const frame = await wb.incidentFrame(ref);
    await frame.locator('#shared[data-links="1"]').waitFor({ timeout: 20_000 });
    await fillIn(frame, '#comment-text', 'We have found the cause and are testing a fix.');
    await frame.locator('#comment-to-customer').click();
    expect(await isChecked(frame, '#comment-to-customer')).toBe(true);
    await frame.locator('#comment-form vscode-button[type=submit]').click();
    await frame.locator('#comment-form .result.ok').waitFor();
    const entry = frame.locator('#timeline li.customer-visible[data-kind="comment"]', { hasText: 'testing a fix' });
    await entry.waitFor();
    expect(await entry.locator('.customer-visible-badge').innerText()).toBe('Visible to the customer');
    const after = await fullIncident(server.url, server.demoTokens!.agent, ref);
    expect(after.timeline.find((e) => e.text.includes('testing a fix'))?.visibility).toBe('customer');
    // The customer's page has it; an internal comment stays off it.
    expect(await (await fetch(url)).text()).toContain('We have found the cause and are testing a fix.');
    await screenshot(page, 'customer-visible-comment');
  });

  it("shows the customer's comment from their page in the panel, live", async () => {
    const { wb, page } = world();
    expect(await commentAsCustomer(url, 'It also fails for my colleague <i>Tom</i>.')).toBe(303);
    const frame = await wb.incidentFrame(ref);
    const entry = frame.locator('#timeline li[data-kind="customer_comment"]');
    await entry.waitFor({ timeout: 20_000 });
    expect(await entry.locator('.text').innerText()).toBe('It also fails for my colleague <i>Tom</i>.');
    expect(await entry.locator('.meta').innerText()).toContain('Customer');
    expect(await entry.getAttribute('data-visibility')).toBe('customer');
    await screenshot(page, 'customer-comment-in-vscode');
  });
  it("names the image on the customer's comment and shows it with the incident's attachments", async () => {
    const { wb, page } = world();
    const form = await fetch(url);
    const cookie = form.headers.get('set-cookie')!.split(';')[0]!;
    const body = new FormData();
    body.set('csrf', /name="csrf" value="([^"]+)"/.exec(await form.text())![1]!);
    body.set('text', 'Here is the screen I get.');
    body.set('image', new Blob([PNG], { type: 'image/png' }), 'error-screen.png');
    const res = await fetch(`${url}/comments`, { method: 'POST', redirect: 'manual', headers: { cookie }, body });
    expect(res.status).toBe(303);
    const frame = await wb.incidentFrame(ref);
    const entry = frame.locator('#timeline li[data-kind="customer_comment"]', { hasText: 'Here is the screen I get.' });
    await entry.waitFor({ timeout: 20_000 });
    const link = entry.locator('.entry-attachment a');
    await link.waitFor({ timeout: 20_000 });
    expect(await link.innerText()).toBe('Image added by the customer: error-screen.png');
    const id = (await link.getAttribute('href'))!.slice(1);
    const item = frame.locator(`#${id}`);
    await item.locator('vscode-button').click();
    const img = item.locator('img');
    await img.waitFor();
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
    await screenshot(page, 'customer-image-in-vscode');
  });
}
