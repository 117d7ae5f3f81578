import { matrixAllows, ROLES } from '@handoff/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../src/crm/fixtures/expected';
import { configure, fullIncident, nodeClient, openCrmPage, openPanel, openPanelAs, screenshot, startWorld, type World } from './harness';
import { escalate } from './loopHelpers';

const fixture = (crm: string) => FIXTURES.find((f) => f.crm === crm)!;
const SSO = 'SSO login loops back to the sign-in page'; // a demo incident of team accounts, reported by Alice Agent

describe('what the panel shows and offers follows the shared permission model (real Chromium, real server)', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => w?.close());
  const as = (role: keyof NonNullable<World['server']['demoTokens']>) => nodeClient(w.server.url, w.server.demoTokens![role]);

  it("an agent of another team sees a team's similar incident as its summary with whose it is, and adds their customer", async () => {
    const sso = (await as('lead').incidents.search.query({ text: SSO, limit: 5 })).find((i) => i.title === SSO)!;
    await as('developer').incidents.assign.mutate({ ref: sso.reference, owner: 'me' });
    const before = (await fullIncident(as('lead'), sso.reference)).affectedCustomers;
    const bea = await w.server.addUser({ name: 'Bea Billing', role: 'agent', teams: ['billing'] });
    // The server shows Bea only its outline: it is team accounts' incident and she has nothing to do with it.
    expect((await nodeClient(w.server.url, bea).incidents.byRef.query({ ref: sso.reference })).access).toBe('summary');

    expect(await configure(w.browser, w.server.url, bea)).toBe('ok');
    const crm = await openCrmPage(w.browser, w.fixtures.url + fixture('jira').path);
    const { panel } = await openPanel(w.browser);
    await panel.setViewportSize({ width: 420, height: 900 });
    const hit = panel.locator(`.similar li[data-ref="${sso.reference}"]`);
    await hit.waitFor({ timeout: 10_000 });
    expect(await hit.getAttribute('data-access')).toBe('summary');
    expect(await hit.locator('.whose').textContent()).toBe('Incident of team accounts · owner: Dev Dana — you see its summary');
    expect(await hit.locator('.workaround').textContent()).toBe('Workaround: Sign in with a password reset link');
    await hit.scrollIntoViewIfNeeded();
    await screenshot(panel, 'similar-other-team');

    await hit.locator('button.link-duplicate').click();
    expect(await panel.locator('[data-testid="reference"]').textContent()).toBe(sso.reference);
    expect(await panel.locator('.affected-now').textContent()).toBe(`Customers affected now: ${before + 1}`);
    await screenshot(panel, 'similar-other-team-added');
    const after = await fullIncident(as('lead'), sso.reference);
    expect(after.affectedCustomers).toBe(before + 1);
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'duplicate_added', actor: { name: 'Bea Billing' } });
    expect(after.timeline.at(-1)?.text).toContain('Sam Okafor');
    await panel.close();
    await crm.close();
  });

  it('shows the Releases tab exactly to the roles the model lets give release feedback', async () => {
    const seen: Record<string, string[]> = {};
    const crm = await openCrmPage(w.browser, w.fixtures.url + fixture('zendesk').path);
    for (const role of ROLES) {
      expect(await configure(w.browser, w.server.url, w.server.demoTokens![role])).toBe('ok');
      const panel = await openPanelAs(w.browser, role);
      seen[role] = await panel.locator('div.tabs button[data-tab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tab') ?? ''));
      if (role === 'reviewer' || role === 'lead') await screenshot(panel, `tabs-${role}`);
      await panel.close();
    }
    await crm.close();
    // The independent oracle: the permission matrix written out cell by cell in shared.
    const expected = Object.fromEntries(
      ROLES.map((role) => {
        const capture = matrixAllows('team', 'incident.create', role) ? ['capture', 'escalations'] : [];
        const review = matrixAllows('team', 'release.feedback', role) ? ['releases'] : [];
        return [role, [...capture, ...review, ...(capture.length ? ['queue'] : [])]];
      }),
    );
    expect(seen).toEqual(expected);
    expect(ROLES.filter((r) => seen[r]!.includes('releases'))).toEqual(['reviewer', 'lead', 'admin']);
  });

  it('an escalation with more than 100 timeline entries shows "Show earlier entries" and loads them', async () => {
    expect(await configure(w.browser, w.server.url, w.token)).toBe('ok');
    const crmUrl = w.fixtures.url + fixture('servicenow').path;
    const ref = await escalate(as('agent'), 'Search results flicker while typing', crmUrl);
    for (let n = 1; n <= 120; n++) await as('developer').incidents.comment.mutate({ ref, text: `Note ${n}` });
    const latest = await fullIncident(as('agent'), ref);
    expect([latest.timeline.length, latest.earlierTimeline]).toEqual([100, true]);
    const older = await as('agent').incidents.timeline.query({ ref, beforeId: latest.timeline[0]!.id });
    expect([older.entries.length, older.earlier]).toEqual([21, false]); // "created" and Notes 1–20

    const crm = await openCrmPage(w.browser, crmUrl);
    const { panel } = await openPanel(w.browser);
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.click('button[data-tab="escalations"]');
    await panel.locator('.escalations .live').waitFor();
    const row = panel.locator(`.escalations li[data-ref="${ref}"]`);
    await row.locator('.toggle-detail').click();
    const timeline = row.locator('.timeline');
    await timeline.locator('summary').click();
    const earlier = timeline.locator('.timeline-earlier');
    await earlier.waitFor();
    const texts = () => timeline.locator('li .text').allTextContents();
    expect(await timeline.locator('summary').textContent()).toBe('History (100)');
    expect((await texts())[0]).toBe('Note 21');
    await earlier.scrollIntoViewIfNeeded();
    await screenshot(panel, 'timeline-before-earlier', false);

    await earlier.click();
    await timeline.locator('summary', { hasText: 'History (121)' }).waitFor({ timeout: 10_000 });
    expect(await earlier.count()).toBe(0);
    expect(await timeline.locator('li').first().getAttribute('data-kind')).toBe('created');
    expect((await texts()).slice(1)).toEqual(Array.from({ length: 120 }, (_, i) => `Note ${i + 1}`));
    await panel.evaluate(() => window.scrollTo(0, 0));
    await screenshot(panel, 'timeline-earlier-loaded', false);

    // A live change reads the latest page again; what was paged in stays.
    await as('developer').incidents.comment.mutate({ ref, text: 'Note 121' });
    await timeline.locator('summary', { hasText: 'History (122)' }).waitFor({ timeout: 10_000 });
    expect((await texts()).at(-1)).toBe('Note 121');
    expect(await timeline.locator('.timeline-earlier').count()).toBe(0);
    await panel.close();
    await crm.close();
  });
});
