// Real-VS-Code steps for the trust model (issue 8): Dev Dana (developer in platform and accounts)
// opens billing's INC-1002 and sees its outline only, which follows the changes its team makes;
// a long timeline pages in; and the panel offers exactly what the shared model allows.
// Registered inside the suite of vscode.e2e.test.ts, which owns the workbench and the server.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { startServer } from '@handoff/server';
import { apiClient } from './api';
import { screenshot } from './screenshot';
import type { Workbench } from './workbench';

interface World {
  wb: Workbench;
  page: Page;
  server: Awaited<ReturnType<typeof startServer>>;
  workspace: string;
}

const INVOICE_TITLE = 'Invoice shows the old number of seats after downgrade';
const SUMMARY_ONLY = 'You see its summary only — ask its team or a lead.';

export function trustSteps(world: () => World): void {
  const open = async (ref: string) => {
    const { wb } = world();
    await wb.runCommand('Handoff: Open Incident…');
    await wb.answerInput(ref);
    return wb.incidentFrame(ref);
  };

  it('shows another team’s incident as its summary, saying whose it is, with no actions', async () => {
    const { page } = world();
    const frame = await open('INC-1002');
    expect(await frame.locator('article.incident').getAttribute('data-access')).toBe('summary');
    expect(await frame.locator('#title .title-text').innerText()).toBe(INVOICE_TITLE);
    expect(await frame.locator('#whose').innerText()).toBe(`INC-1002 belongs to team billing and has no owner yet. ${SUMMARY_ONLY}`);
    expect(await frame.locator('#status').innerText()).toBe('New');
    // the outline has none of billing's customer, CRM ticket, answers or timeline
    const text = await frame.locator('article.incident').innerText();
    for (const hidden of ['Tom Becker', 'Contoso', 'freshdesk', 'INV-2026-1188', '25 seats']) expect(text).not.toContain(hidden);
    expect(await frame.locator('#timeline, #steps').count()).toBe(0);
    // a developer of another team is offered nothing but a refresh: no status moves, no forms
    expect(await frame.locator('vscode-button').evaluateAll((els) => els.map((e) => e.id))).toEqual(['refresh']);
    expect(
      await frame
        .locator('form, select, textarea, input, vscode-textfield, vscode-textarea, vscode-single-select, vscode-checkbox')
        .count(),
    ).toBe(0);
    await screenshot(page, 'INC-1002-outline');
  });

  it('refreshes that summary live when its team assigns and triages it (summary events)', async () => {
    const { wb, page, server } = world();
    const frame = await wb.incidentFrame('INC-1002');
    const lead = apiClient(server.url, server.demoTokens!.lead);
    const lee = await lead.auth.whoami.query();
    await lead.incidents.assign.mutate({ ref: 'INC-1002', owner: lee.id });
    await lead.incidents.transition.mutate({ ref: 'INC-1002', to: 'triaged' });
    await frame.locator('#status', { hasText: 'Triaged' }).waitFor({ timeout: 20_000 });
    await expect
      .poll(() => frame.locator('#whose').innerText(), { timeout: 20_000 })
      .toBe(`INC-1002 belongs to team billing and is owned by Lee Lead. ${SUMMARY_ONLY}`);
    expect(await frame.locator('#owner').innerText()).toContain('Lee Lead');
    // "Recent" lists it as an outline: status, owner and whose team
    await wb.openHandoffViews();
    await expect
      .poll(() => wb.viewRows('Recent'), { timeout: 20_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/^INC-1002 Invoice shows[\s\S]*Triaged · Lee Lead · team billing/)]));
    await screenshot(page, 'INC-1002-outline-live');
  });

  it('opens it from a vscode:// link as its summary too (URI handler)', async () => {
    const { wb } = world();
    await wb.runCommand('View: Close All Editors');
    await wb.runCommand('Developer: Open URL');
    await wb.answerInput('code-oss://handoff.handoff-vscode/open?ref=inc-1002');
    const frame = await wb.incidentFrame('INC-1002');
    await frame.locator('#whose', { hasText: 'is owned by Lee Lead' }).waitFor();
    expect(await frame.locator('#whose').innerText()).toBe(`INC-1002 belongs to team billing and is owned by Lee Lead. ${SUMMARY_ONLY}`);
    expect(await frame.locator('vscode-button').evaluateAll((els) => els.map((e) => e.id))).toEqual(['refresh']);
  });

  it('refuses Start Work on another team’s incident with whose it is, before any branch is made', async () => {
    const { wb, workspace } = world();
    await wb.incidentFrame('INC-1002');
    const branches = () => execFileSync('git', ['-C', workspace, 'branch', '--list']).toString();
    const before = branches();
    await wb.runCommand('Handoff: Start Work');
    expect(await wb.notification('INC-1002 belongs to team billing')).toContain(`is owned by Lee Lead. ${SUMMARY_ONLY}`);
    expect(branches()).toBe(before);
    await wb.clearNotifications();
  });

  it('shows "Show earlier entries" on an incident with more than 100 timeline entries and loads them', async () => {
    const { page, server } = world();
    const agent = apiClient(server.url, server.demoTokens!.agent);
    const lead = apiClient(server.url, server.demoTokens!.lead);
    const { reference } = await agent.incidents.create.mutate({
      idempotencyKey: randomUUID(),
      title: 'Offline edits vanish after sync',
      category: 'crash',
      product: 'Acme Desktop',
      version: '5.0.1',
      customer: { name: 'Ken Ito', org: 'Fabrikam' },
      crm: { system: 'other' },
      severity: 'medium',
      answers: { crash_message: 'none', last_action: 'sync after a flight', every_time: 'yes' },
    });
    // created + 104 comments: the panel gets the latest 100 entries, 5 are older
    for (let n = 1; n <= 104; n++) await lead.incidents.comment.mutate({ ref: reference, text: `Sync log ${n}` });
    const frame = await open(reference);
    const entries = frame.locator('#timeline li');
    expect(await entries.count()).toBe(100);
    expect([await entries.first().locator('.markdown').innerText(), await entries.last().locator('.markdown').innerText()]).toEqual([
      'Sync log 104',
      'Sync log 5',
    ]);
    const earlier = frame.locator('#timeline-earlier');
    expect(await earlier.innerText()).toBe('Show earlier entries');
    await earlier.scrollIntoViewIfNeeded();
    await screenshot(page, 'long-timeline-before');
    await earlier.click();
    await expect.poll(() => entries.count(), { timeout: 20_000 }).toBe(105);
    expect(await entries.last().getAttribute('data-kind')).toBe('created');
    expect(await entries.nth(103).locator('.markdown').innerText()).toBe('Sync log 1');
    expect(await earlier.count()).toBe(0);
    await entries.last().scrollIntoViewIfNeeded();
    await screenshot(page, 'long-timeline-after');
    // a live change re-reads the latest entries and keeps the older ones loaded
    await lead.incidents.comment.mutate({ ref: reference, text: 'After paging' });
    await frame.locator('#timeline li', { hasText: 'After paging' }).waitFor({ timeout: 20_000 });
    expect([await entries.count(), await earlier.count(), await entries.last().getAttribute('data-kind')]).toEqual([106, 0, 'created']);
  });
}
