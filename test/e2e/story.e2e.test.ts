// The whole hand-over in real clients, each hop arriving live: an L1 agent in Chromium with the
// browser extension beside a CRM ticket, a developer in a real VS Code with the VS Code extension,
// an L1 reviewer in a second Chromium profile, all against one real Handoff server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { type Incident, IncidentSchema } from '@handoff/shared';
import { FIXTURES } from '../../extension-browser/src/crm/fixtures/expected';
import { nodeClient, openCrmPage, openPanelAs } from '../../extension-browser/e2e/harness';
import { choose, fillIn } from '../../extension-vscode/e2e/panelControls';
import { captureInPanel, fillCapture } from './capture';
import { Hops, liveProbe, type World, startWorld } from './world';

let w: World;
let probe: ReturnType<typeof liveProbe>;
const hops = new Hops();
const zendesk = () => w.fixtures.url + FIXTURES.find((f) => f.crm === 'zendesk')!.path;
const freshdesk = () => w.fixtures.url + FIXTURES.find((f) => f.crm === 'freshdesk')!.path;
const api = (role: 'agent' | 'developer' | 'lead') => nodeClient(w.server.url, w.server.demoTokens![role]);
/** The whole incident as `role` sees it on the server (they all work in its team). */
const whole = async (role: 'developer' | 'lead', ref: string): Promise<Incident> =>
  IncidentSchema.parse(await api(role).incidents.byRef.query({ ref }));

beforeAll(async () => {
  w = await startWorld();
  probe = liveProbe(w.server.url, w.server.demoTokens!.developer);
});
afterAll(async () => {
  hops.print();
  probe?.close();
  await w?.close();
});

/** The developer's incident panel for `ref`, opened by typing the reference. */
async function openInVsCode(ref: string): Promise<Frame> {
  await w.wb.runCommand('Handoff: Open Incident…');
  await w.wb.answerInput(ref.toLowerCase().replace('-', ' '));
  return w.wb.incidentFrame(ref);
}

async function escalationsTab(panel: Page): Promise<void> {
  await panel.click('button[data-tab="escalations"]');
  await panel.locator('.escalations .live').waitFor();
}

describe('story 1: capture → question → answer → fix → release review → ship → verified with the customer → closed', () => {
  const story = 'fix verified';
  let ref: string;
  let panel: Page;
  let frame: Frame;
  let reviewerPanel: Page;

  /** The reviewer's side panel (a second Chromium profile signed in as the demo reviewer) on Releases. */
  async function openReviewerReleases(): Promise<Page> {
    await openCrmPage(w.reviewer, zendesk());
    // A reviewer reviews releases and does not capture: the panel opens without the Capture tab.
    const p = await openPanelAs(w.reviewer, 'reviewer');
    await p.click('button[data-tab="releases"]');
    await p.locator('.releases .live').waitFor();
    return p;
  }

  it('the agent captures in the side panel; it reaches the developer’s view live', async () => {
    await w.wb.openHandoffViews();
    const capture = await fillCapture(w.agent, zendesk(), {
      category: 'login',
      version: '4.2.0',
      steps: ['Open the sign-in page', 'Sign in with SSO'],
    });
    panel = capture.panel;
    // Measured from the agent's click on Submit (filling the form is the agent's time, not the hop's).
    const clicked = Date.now();
    let shown = 0;
    const captured = await hops.measure(
      story,
      'agent submits capture → listed in VS Code "My teams"',
      async () => {
        ref = await capture.submit();
        shown = Date.now();
      },
      () => expect.poll(async () => (await w.wb.viewRows('My teams')).join('\n'), { timeout: 30_000 }).toContain(ref),
    );
    // Where the time went: the side panel's round trip, and when a plain subscriber had the event.
    const evented = await probe.firstEventAt(ref);
    hops.part(story, 'click → reference shown in the side panel', shown - clicked);
    hops.part(story, 'click → live event at a plain subscriber', evented - clicked);
    hops.part(story, 'live event → row in the VS Code tree', clicked + captured - evented);
    expect(ref).toMatch(/^INC-\d+$/);
    const incident = await whole('developer', ref);
    expect(incident.crm.system).toBe('zendesk');
    expect(incident.steps.map((s) => s.action)).toEqual(['Open the sign-in page', 'Sign in with SSO']);
  });

  it('the developer opens it by reference and asks L1 a question; the agent sees it live', async () => {
    frame = await openInVsCode(ref);
    await frame.locator('#assign-to-me').click();
    await frame.locator('#owner', { hasText: 'Dev Dana' }).waitFor({ timeout: 20_000 });
    await escalationsTab(panel);
    const row = panel.locator(`.escalations li[data-ref="${ref}"]`);
    await row.locator('.owner', { hasText: 'Dev Dana' }).waitFor({ timeout: 20_000 });
    await fillIn(frame, '#ask-text', 'Which identity provider does the customer use, and since when?');
    await hops.measure(
      story,
      'developer asks in VS Code → question in the side panel',
      () => frame.locator('#ask-form vscode-button[type=submit]').click(),
      () => row.locator('.answer-box .question-text', { hasText: 'Which identity provider' }).waitFor({ timeout: 20_000 }),
    );
    expect(await row.getAttribute('data-status')).toBe('needs_info');
  });

  it('the agent answers after talking to the customer; the developer is notified live', async () => {
    const row = panel.locator(`.escalations li[data-ref="${ref}"]`);
    await row.locator('.answer-box textarea').fill('Okta, since the 4.2 upgrade on Monday');
    await hops.measure(
      story,
      'agent answers in the side panel → notification in VS Code',
      () => row.locator('.answer-send').click(),
      () => w.wb.notification(`answered your question on ${ref}`, 20_000),
    );
    await frame.locator('.timeline', { hasText: 'Okta, since the 4.2 upgrade' }).waitFor({ timeout: 20_000 });
    await w.wb.clearNotifications();
    expect((await api('developer').incidents.byRef.query({ ref })).status).toBe('in_progress');
  });

  it('the developer records a reproduction and marks it fixed; the agent sees "verify with the customer"', async () => {
    await choose(frame, '#repro-result', 'Reproduced');
    await fillIn(frame, '#repro-notes', 'Reproduced against an Okta dev tenant');
    await fillIn(frame, '#repro-env', 'os: Windows 11; browser: Chrome 131');
    await frame.locator('#repro-form vscode-button[type=submit]').click();
    await frame.locator('#repro-form .result.ok').waitFor();
    // The reproduction's live event re-renders the panel: fill the next form once that has happened.
    await frame.locator('.timeline', { hasText: 'Reproduced against an Okta dev tenant' }).waitFor({ timeout: 20_000 });
    const row = panel.locator(`.escalations li[data-ref="${ref}"]`);
    await fillIn(frame, '#fixed-version', '4.3.0');
    await hops.measure(
      story,
      'developer marks fixed in 4.3.0 → "verify with the customer" in the panel',
      () => frame.locator('#fixed-form vscode-button[type=submit]').click(),
      () => row.locator('.verify-title', { hasText: '4.3.0' }).waitFor({ timeout: 20_000 }),
    );
    await row.locator('.reproduction[data-result="reproduced"]').waitFor({ state: 'attached', timeout: 10_000 });
  });

  it('the developer plans release 4.3.0 from VS Code; the L1 reviewer sees it live', async () => {
    reviewerPanel = await openReviewerReleases();
    // room for the Releases view: fold the other views, as a person would
    for (const name of ['My teams', 'Needs info', 'Recent']) {
      const header = w.page.locator('#workbench\\.parts\\.sidebar .pane-header[aria-expanded="true"]', { hasText: name });
      if (await header.count()) await header.first().click();
    }
    const step = (n: number) => w.wb.quickInput.locator('.quick-input-title', { hasText: `Create Release (${n}/5)` }).waitFor();
    await w.wb.runCommand('Handoff: Create Release…');
    await step(1);
    await w.wb.answerInput('4.3.0');
    await step(2);
    await w.wb.answerInput('2026-12-01');
    await step(3);
    await w.wb.answerInput('Fixes the SSO sign-in loop');
    await step(4);
    await w.wb.pickMany([]); // the incident fixed in 4.3.0 is ticked already
    await step(5);
    await w.wb.answerInput('Exports over 10k rows stay slow');
    // The next known issue opens a new box in the same widget: an Enter before it shows is lost.
    await expect.poll(() => w.wb.quickInput.locator('.quick-input-message').innerText()).toContain('Known issue 2');
    await hops.measure(
      story,
      'developer creates release in VS Code → release in the reviewer panel',
      () => w.wb.answerInput(''),
      () => reviewerPanel.locator(`.release[data-version="4.3.0"] .release-item[data-ref="${ref}"]`).waitFor({ timeout: 20_000 }),
    );
    await w.wb.notification('Release 4.3.0 created');
    await w.wb.clearNotifications();
  });

  it('the reviewer gives feedback per item and overall; the developer sees it live in the Releases view', async () => {
    const release = reviewerPanel.locator('.release[data-version="4.3.0"]');
    const item = release.locator(`.release-item[data-ref="${ref}"]`);
    await w.wb.openHandoffViews();
    await item.locator('.feedback-text').fill('Tell Northwind to clear their Okta session after the update');
    await hops.measure(
      story,
      'reviewer raises a concern in the panel → Releases view in VS Code',
      () => item.locator('.verdict-concern').click(),
      () =>
        expect
          .poll(async () => (await w.wb.viewRows('Releases')).join('\n'), { timeout: 20_000 })
          .toMatch(/Rita Reviewer: concern\s*Tell Northwind to clear/),
    );
    await release.locator('.release-overall .feedback-text').fill('Support is briefed');
    await release.locator('.release-overall .verdict-ready').click();
    await expect.poll(async () => (await w.wb.viewRows('Releases')).join('\n'), { timeout: 20_000 }).toMatch(/Rita Reviewer: ready/);
    const stored = await api('lead').releases.byVersion.query({ version: '4.3.0' });
    expect(stored.feedback.map((f) => [f.reviewer.name, f.verdict, f.itemId === null ? 'overall' : 'item'])).toEqual([
      ['Rita Reviewer', 'concern', 'item'],
      ['Rita Reviewer', 'ready', 'overall'],
    ]);
    await w.wb.clearNotifications();
  });

  it('the developer ships the release; the agent sees "shipped — tell the customer" live', async () => {
    const row = panel.locator(`.escalations li[data-ref="${ref}"]`);
    await w.wb.runCommand('Handoff: Ship Release…');
    await w.wb.quickInput.locator('.monaco-list-row', { hasText: '4.3.0' }).first().click();
    await hops.measure(
      story,
      'developer ships the release → "shipped" on the agent’s escalation',
      () => w.wb.confirmDialog('Ship'),
      () => row.locator('.shipped[data-version="4.3.0"]').waitFor({ timeout: 20_000 }),
    );
    expect((await api('lead').releases.byVersion.query({ version: '4.3.0' })).status).toBe('shipped');
  });

  it('the agent records the customer’s confirmation; the developer sees it closed live', async () => {
    const row = panel.locator(`.escalations li[data-ref="${ref}"]`);
    const clicked = Date.now();
    const closedHop = await hops.measure(
      story,
      'agent: customer confirmed → closed in the VS Code panel',
      () => row.locator('.verify-confirm').click(),
      () => frame.locator('#status', { hasText: 'Closed' }).waitFor({ timeout: 20_000 }),
    );
    const closedEvent = await probe.eventAt(ref, /"status":"closed"/, clicked);
    hops.part(story, 'click → "closed" event at a plain subscriber', closedEvent - clicked);
    hops.part(story, 'event → "Closed" in the VS Code panel', clicked + closedHop - closedEvent);
    const incident = await whole('lead', ref);
    expect(incident.status).toBe('closed');
    const kinds = incident.timeline.map((t) => t.kind);
    for (const k of ['created', 'assigned', 'question', 'answer', 'reproduction', 'verified'] as const) expect(kinds).toContain(k);
    expect(incident.timeline.find((t) => t.kind === 'verified')?.actor.name).toBe('Alice Agent');
  });
});

describe('story 2: could not reproduce → back to L1 → returns with more detail', () => {
  const story = 'not reproduced';
  let ref: string;
  let panel: Page;
  let frame: Frame;

  it('the developer cannot reproduce; the incident goes back to the agent with what is needed', async () => {
    ({ ref, panel } = await captureInPanel(w.agent, freshdesk(), {
      category: 'crash',
      version: '4.2.0',
      steps: ['Open Billing', 'Print the invoice'],
    }));
    frame = await openInVsCode(ref);
    await escalationsTab(panel);
    const row = panel.locator(`.escalations li[data-ref="${ref}"]`);
    await row.waitFor({ timeout: 20_000 });
    await choose(frame, '#repro-result', 'Could not reproduce');
    await fillIn(frame, '#repro-notes', 'No crash on 4.2.0 with Chrome; need the printer model and driver version');
    const clicked = Date.now();
    const neededHop = await hops.measure(
      story,
      'developer: could not reproduce → "what is needed" in the panel',
      () => frame.locator('#repro-form vscode-button[type=submit]').click(),
      () => row.locator('.needed-notes', { hasText: 'printer model' }).waitFor({ timeout: 20_000 }),
    );
    const neededEvent = await probe.eventAt(ref, /"status":"needs_info"/, clicked);
    hops.part(story, 'click → "needs info" event at a plain subscriber', neededEvent - clicked);
    hops.part(story, 'event → "what is needed" in the side panel', clicked + neededHop - neededEvent);
    expect(await row.getAttribute('data-status')).toBe('needs_info');
  });

  it('the agent returns with more detail; the developer sees it back in progress live', async () => {
    const row = panel.locator(`.escalations li[data-ref="${ref}"]`);
    await row.locator('.answer-box textarea').fill('HP LaserJet M404, driver 6.9.0 (Windows 11)');
    await hops.measure(
      story,
      'agent adds the detail → back in progress in the VS Code panel',
      () => row.locator('.answer-send').click(),
      () => frame.locator('#status', { hasText: 'In progress' }).waitFor({ timeout: 20_000 }),
    );
    await frame.locator('.timeline', { hasText: 'HP LaserJet M404' }).waitFor({ timeout: 20_000 });
    const incident = await whole('developer', ref);
    expect(incident.status).toBe('in_progress');
    expect(incident.timeline.find((t) => t.kind === 'reproduction')?.data).toMatchObject({ result: 'not_reproduced' });
  });
});
