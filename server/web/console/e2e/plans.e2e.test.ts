import path from 'node:path';
import type { Role } from '@handoff/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createContextInner } from '../../../src/context.js';
import { createCaller } from '../../../src/routers/_app.js';
import { sampleIncident } from '../../../src/testing.js';
import { consoleSuite, SHOTS, signedIn as signedInAs } from './consoleSession.js';

describe('the console’s customer plans page in real Chromium', () => {
  const suite = consoleSuite();

  const caller = async (role: Role) =>
    createCaller(createContextInner(suite.server.services, (await suite.server.services.store.userByToken(suite.tokens[role]))!));
  const signedIn = (role: Role, locale = 'en-GB') =>
    signedInAs(suite.browser, suite.server.url, suite.tokens[role], { locale, viewport: { width: 1400, height: 900 } });
  const open = async (page: Page, heading: string) => {
    await page.goto(`${suite.server.url}/console/#/plans`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `console-${name}.png`), fullPage: true });
  const cells = (page: Page, table: string) =>
    page
      .getByRole('table', { name: table })
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)));

  it('lets a lead create a plan, put an organisation on it, move it and take it off, with the server’s 400s under their fields', async () => {
    const page = await signedIn('lead');
    await open(page, 'Customer plans');
    const newPlan = page.locator('[data-plan="new"]');
    await newPlan.getByLabel('Id').fill('Gold Plan');
    await newPlan.getByLabel('Name').fill('Gold');
    await newPlan.getByRole('button', { name: 'New plan' }).click();
    expect(await newPlan.locator('[data-path="id"]').textContent()).toBe('Use lower-case letters, digits and dashes, e.g. "mobile-app"');
    await newPlan.getByLabel('Id').fill('gold');
    await newPlan.getByRole('button', { name: 'New plan' }).click();
    await page.getByText('Plan created.').waitFor();
    await expect
      .poll(() => cells(page, 'Plans'))
      .toEqual([
        ['gold', 'Gold'],
        ['premium', 'Premium (24/7 support)'],
        ['standard', 'Standard'],
      ]);

    // An open high incident of Premium Corp: plan "gold" has no policy of its own, "premium" has one for high.
    const { reference } = await (await caller('agent')).incidents.create(
      sampleIncident({ severity: 'high', customer: { name: 'Pat', org: 'Premium Corp' } }),
    );
    const policyOf = async () => (await (await caller('lead')).sla.ofIncident({ ref: reference }))?.policy.id;
    expect(await policyOf()).toBe('high');

    const assign = page.locator('[data-customer="new"]');
    await assign.getByRole('button', { name: 'Put on a plan' }).click();
    expect(await assign.locator('[data-path="org"]').textContent()).toBe('org must not be empty (the customer organisation as captured)');
    await shot(page, 'plans-refused');
    await assign.getByLabel('Organisation (as captured on incidents)').fill('Premium Corp');
    await assign.getByLabel('Customer plan').selectOption({ label: 'Gold' });
    await assign.getByRole('button', { name: 'Put on a plan' }).click();
    await page.getByText('Plan assigned. Open incidents with new due times: 0.').waitFor();
    await expect
      .poll(() => cells(page, 'Organisations and their plan'))
      .toEqual([
        ['Northwind', 'Premium (24/7 support)'],
        ['Premium Corp', 'Gold'],
      ]);
    expect(await page.getByRole('row', { name: /^gold/ }).locator('td.num').textContent()).toBe('1');
    await shot(page, 'plans');

    // Premium Corp moves to Premium (its incident gets the premium promise), Northwind to Standard; then Premium Corp comes off its plan.
    const premiumCorp = page.locator('[data-customer="Premium Corp"]');
    await premiumCorp.getByLabel('Customer plan').selectOption({ label: 'Premium (24/7 support)' });
    await premiumCorp.getByRole('button', { name: 'Change plan' }).click();
    await page.getByText('Premium Corp moved to another plan. Open incidents with new due times: 1.').waitFor();
    expect(await policyOf()).toBe('high-premium');
    const northwind = page.locator('[data-customer="Northwind"]');
    await northwind.getByLabel('Customer plan').selectOption({ label: 'Standard' });
    await northwind.getByRole('button', { name: 'Change plan' }).click();
    await page.getByText(/^Northwind moved to another plan\. Open incidents with new due times: \d+\.$/).waitFor();
    await page
      .getByRole('row', { name: /Premium Corp/ })
      .getByRole('button', { name: 'Take off plan' })
      .click();
    await page.getByText('Premium Corp is on no plan now. Open incidents with new due times: 1.').waitFor();
    expect(await policyOf()).toBe('high');
    await expect.poll(() => cells(page, 'Organisations and their plan')).toEqual([['Northwind', 'Standard']]);

    // Every change is in the audit log, by the lead.
    const log = (await (await caller('admin')).audit.list({ limit: 20 }))
      .filter((e) => e.action.startsWith('sla.plan') || e.action.startsWith('sla.customer'))
      .map((e) => [e.action, e.target, e.actor.name])
      .reverse();
    expect(log).toEqual([
      ['sla.plan.upsert', 'plan gold', 'Lee Lead'],
      ['sla.customer.setPlan', 'customer Premium Corp', 'Lee Lead'],
      ['sla.customer.setPlan', 'customer Premium Corp', 'Lee Lead'],
      ['sla.customer.setPlan', 'customer Northwind', 'Lee Lead'],
      ['sla.customer.removePlan', 'customer Premium Corp', 'Lee Lead'],
    ]);
  });

  it('speaks German, and is offered to leads and admins only', async () => {
    const de = await signedIn('lead', 'de-DE');
    await open(de, 'Kundentarife');
    await de.getByRole('heading', { name: 'Organisationen und ihr Tarif' }).waitFor();
    await shot(de, 'plans-de');
    const agent = await signedIn('agent');
    expect(await agent.getByRole('link', { name: 'Customer plans' }).count()).toBe(0);
    const admin = await signedIn('admin');
    expect(await admin.getByRole('link', { name: 'Customer plans' }).count()).toBe(1);
  });
});
