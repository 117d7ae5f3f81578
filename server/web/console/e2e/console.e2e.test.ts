import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Role, User } from '@handoff/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../../../src/context.js';
import { seedHistory } from '../../../src/insights/history.testutil.js';
import { createCaller } from '../../../src/routers/_app.js';
import { sampleIncident } from '../../../src/testing.js';

import { consoleSuite, SHOTS, signedIn as signedInAs } from './consoleSession.js';

describe('the staff console in real Chromium', () => {
  let seeded: Awaited<ReturnType<typeof seedHistory>>;
  let as: (who: Role | User) => ReturnType<typeof createCaller>;

  const suite = consoleSuite({ upgrades: { watch: false } });
  beforeAll(async () => {
    const users = {} as Record<Role, User>;
    for (const [role, token] of Object.entries(suite.tokens)) users[role as Role] = (await suite.server.services.store.userByToken(token))!;
    as = (who: Role | User) => createCaller(createContextInner(suite.server.services, typeof who === 'string' ? users[who] : who));
    seeded = await seedHistory({ services: suite.server.services, as });
  });

  const signedIn = (role: Role, locale = 'en-GB'): Promise<Page> =>
    signedInAs(suite.browser, suite.server.url, suite.tokens[role], { locale, acceptDownloads: true });

  const bars = (page: Page, chart?: string) =>
    page.locator(`figure.chart${chart ? `[data-chart="${chart}"]` : ''} svg g[aria-label="bar"] rect`);

  it('signs a lead in with a token for an HttpOnly, SameSite=Strict session and refuses a wrong token', async () => {
    const context = await suite.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/console/`);
    await page.getByLabel('Personal token').fill('hnd_not_a_token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/That token is not valid/);
    await page.getByLabel('Personal token').fill(suite.tokens.lead);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as Lee Lead (lead)').waitFor();
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'handoff_console', httpOnly: true, sameSite: 'Strict', path: '/' });
    // The session survives a reload (the token itself is not kept in the page).
    await page.reload();
    await page.getByText('Signed in as Lee Lead (lead)').waitFor();
    expect(await page.evaluate(() => JSON.stringify(localStorage) + document.cookie)).not.toContain(suite.tokens.lead);
    await context.close();
  });

  it('draws the repeated problems, and a filter changes the chart', async () => {
    const page = await signedIn('lead');
    await page.getByRole('link', { name: 'Repeated problems' }).click();
    await page.getByRole('heading', { name: 'Repeated problems', level: 1 }).waitFor();
    await expect.poll(() => bars(page).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.getByLabel('Product').selectOption('Beacon');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    // The chart is redrawn after the table renders (an effect): wait for it.
    await expect.poll(() => bars(page).count()).toBe(1);
    await expect.poll(() => page.locator('tbody tr td').first().textContent()).toBe(seeded.root.ref);
    await page.getByText(`${seeded.lookalike.ref} looks like ${seeded.root.ref}`).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'console-repeated-problems.png'), fullPage: true });
  });

  it('shows volume and time per week; choosing a product narrows it; the CSV holds the numbers', async () => {
    const page = await signedIn('lead');
    await page.getByRole('link', { name: 'Volume and time' }).click();
    const perWeek = 'Incidents per week by category';
    await expect.poll(() => bars(page, perWeek).count()).toBeGreaterThan(10);
    await page.getByLabel('Product').selectOption('Comet');
    // Three Comet incidents in one week and one category: one bar.
    await expect.poll(() => bars(page, perWeek).count()).toBe(1);
    await page.getByRole('row', { name: /category login/ }).waitFor();
    expect(await page.getByRole('row', { name: /category login/ }).textContent()).toContain('3 / 4.6');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('volume-and-time.csv');
    const csv = readFileSync((await download.path())!, 'utf8').split(/\r?\n/);
    expect(csv[0]).toBe(
      'table,week,key,incidents,by,firstResponseMedianHours,firstResponseP90Hours,fixMedianHours,fixP90Hours,closeMedianHours,closeP90Hours,totalHours,medianHours',
    );
    expect(csv[1]).toMatch(/^perWeek,\d{4}-\d{2}-\d{2},login,3,+$/);
    expect(csv).toContain('durations,,login,,category,3,4.6,20,28,48,48,,');
    expect(csv).toContain('waiting,,in_progress,,,,,,,,,48,16');
    await page.screenshot({ path: path.join(SHOTS, 'console-volume.png'), fullPage: true });
  });

  it('compares a problem group’s configuration with its product, and warns about the spiking version on every page', async () => {
    const page = await signedIn('lead');
    await page.getByRole('link', { name: 'Configuration differences' }).click();
    await page.getByLabel('Incident reference').fill(seeded.group[3]!.ref);
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => page.locator('tbody tr').first().textContent()).toBe('browser: Edge 13175 %31 %');
    expect(await bars(page).count()).toBe(2);
    const banner = page.getByRole('alert').filter({ hasText: 'Upgrade warning' });
    expect(await banner.textContent()).toMatch(/Atlas 5\.0 has 5\.7 incidents a day in its first 7 days, against 1\.4 for 4\.9/);
    await page.screenshot({ path: path.join(SHOTS, 'console-config-differences.png'), fullPage: true });
  });

  it('speaks German and French', async () => {
    const de = await signedIn('lead', 'de-DE');
    await de.getByRole('link', { name: 'Kunden', exact: true }).click();
    await de.getByRole('heading', { name: 'Kunden', level: 1 }).waitFor();
    expect(await de.evaluate(() => document.documentElement.lang)).toBe('de');
    await expect.poll(() => bars(de).count()).toBeGreaterThan(0);
    await de.screenshot({ path: path.join(SHOTS, 'console-customers-de.png'), fullPage: true });
    const fr = await signedIn('lead', 'fr-FR');
    await fr.getByRole('link', { name: 'Contournements en usage' }).click();
    await fr.getByRole('heading', { name: 'Contournements en usage', level: 1 }).waitFor();
    await fr.getByRole('cell', { name: seeded.root.ref }).waitFor();
  });

  it('shows the escalation rate, the resolving tier, escalations avoided and customers’ evaluations per team, each with its CSV', async () => {
    // Comet: three incidents resolved by their tier-2 teams; now one more escalated to engineering,
    // one resolved at L1 with the known solution of the closed one, and one customer's rating.
    const [closed] = seeded.comet;
    const escalated = await as('agent').incidents.create(sampleIncident({ product: 'Comet', title: 'Comet sync stalls' }));
    await as('developer').incidents.escalate({ ref: escalated.reference, reason: 'Needs the sync engine team' });
    await as('developer').knownSolutions.record({ ref: closed!.ref, solution: 'Clear the SSO cache', customerAnswer: 'Update to 1.1.' });
    await as('agent').knownSolutions.resolve({
      ...sampleIncident({ product: 'Comet', title: 'Comet sign-in problem' }),
      group: closed!.ref,
    });
    const { url } = await as('agent').incidents.share({ ref: closed!.ref });
    await suite.server.services.shares.evaluate((await suite.server.services.shares.open(url.split('/c/')[1]!))!, {
      rating: 4,
      comment: '',
    });

    const page = await signedIn('lead');
    await page.getByRole('link', { name: 'Escalations' }).click();
    await page.getByRole('heading', { name: 'Escalations', level: 1 }).waitFor();
    await page.getByLabel('Product').selectOption('Comet');
    await expect.poll(() => page.getByRole('row', { name: /^All categories/ }).textContent()).toBe('All categories5120 %');
    expect(await page.getByRole('row', { name: /^Tier 1/ }).textContent()).toBe('Tier 1125 %');
    expect(await page.getByRole('row', { name: /^Tier 2/ }).textContent()).toBe('Tier 2375 %');
    expect(await page.locator('h3.avoided-total').textContent()).toBe('Escalations avoided by known solutions: 1');
    expect(await page.getByRole('row', { name: new RegExp(`^${closed!.ref}`) }).textContent()).toBe(
      `${closed!.ref}Comet sign-in problem 01`,
    );
    expect(await bars(page, 'Tier that resolved the incidents').count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('escalations.csv');
    const csv = readFileSync((await download.path())!, 'utf8').split(/\r?\n/);
    expect(csv[0]).toBe('table,key,incidents,escalated,rate,resolved,title');
    expect(csv).toContain('escalationRate,all,5,1,0.2,,');
    expect(csv).toContain('resolvingTier,1,,,0.25,1,');
    expect(csv).toContain(`avoided,${closed!.ref},,,,1,Comet sign-in problem 0`);
    await page.screenshot({ path: path.join(SHOTS, 'console-escalations.png'), fullPage: true });

    await page.getByRole('link', { name: 'Customer evaluations' }).click();
    await expect.poll(() => page.getByRole('row', { name: /^accounts/ }).textContent()).toBe('accounts140 / 0 / 0 / 1 / 0');
    expect(await bars(page).count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'console-evaluations.png'), fullPage: true });
  });

  it('shows a new upgrade warning live in the banner, without reloading', async () => {
    const page = await signedIn('lead');
    await page.locator('.banner p[data-version="Atlas@5.0"]').waitFor();
    expect(await page.locator('.banner p[data-version="Atlas@5.1"]').count()).toBe(0);
    // 5.1 arrives with 15 incidents on its first day, against 5.7 a day for 5.0.
    for (let i = 0; i < 15; i++) await as('agent').incidents.create(sampleIncident({ product: 'Atlas', version: '5.1' }));
    const raised = await suite.server.services.upgrades.watch.check();
    expect(raised.map((w) => w.version)).toContain('5.1');
    const banner = page.locator('.banner p[data-version="Atlas@5.1"]');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toMatch(
      /^Upgrade warning: Atlas 5\.1 has 15 incidents a day in its first 1 days, against 5\.7 for 5\.0\./,
    );
    await page.screenshot({ path: path.join(SHOTS, 'console-live-upgrade-warning.png') });
  });

  it('shows an agent only their own teams, and ends the session when the token is replaced', async () => {
    const page = await signedIn('agent');
    await page.getByText('You see the incidents of your teams: accounts.').waitFor();
    // The filter's options come with the filters' own answer, which may land after the sentence above.
    await expect.poll(() => page.getByLabel('Team').locator('option').allTextContents()).toEqual(['Any', 'accounts']);
    const agent = (await suite.server.services.store.userByToken(suite.tokens.agent))!;
    suite.tokens.agent = await suite.server.services.store.resetToken(agent.id);
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByText('Your session has ended. Sign in again.').waitFor();
    await page.getByLabel('Personal token').waitFor();
  });
});
