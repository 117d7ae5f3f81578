import path from 'node:path';
import type { Role } from '@handoff/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createContextInner } from '../../../src/context.js';
import { createCaller } from '../../../src/routers/_app.js';
import { sampleIncident } from '../../../src/testing.js';
import { consoleSuite, SHOTS, signedIn as signedInAs } from './consoleSession.js';

describe('the console’s administration pages in real Chromium', () => {
  const suite = consoleSuite();

  async function signedIn(role: Role, locale = 'en-GB'): Promise<Page> {
    const page = await signedInAs(suite.browser, suite.server.url, suite.tokens[role], { locale, viewport: { width: 1400, height: 900 } });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    return page;
  }
  const open = async (page: Page, id: string, heading: string) => {
    await page.goto(`${suite.server.url}/console/#/${id}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `console-${name}.png`), fullPage: true });
  /** Waits until the audit view's filter applies: every row is of `action`. */
  const onlyAction = (page: Page, action: string) =>
    expect.poll(async () => new Set(await page.locator('tbody tr td:nth-child(3)').allTextContents())).toEqual(new Set([action]));
  const trpc = (token: string, proc: string) =>
    fetch(`${suite.server.url}/trpc/${proc}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

  it('issues a token shown once with a copy button; revoked, it fails on the next request', async () => {
    const page = await signedIn('developer');
    await open(page, 'tokens', 'Tokens');
    await page.getByTestId('issue-token').getByLabel('Used for').fill('build server');
    await page.getByRole('button', { name: 'Issue token' }).click();
    const secret = (await page.getByTestId('secret').textContent())!;
    expect(secret).toMatch(/^hnd_/);
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    expect(await trpc(secret, 'auth.whoami')).toBe(200);
    await shot(page, 'tokens');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.getByTestId('secret').count()).toBe(0);
    // Shown once: nothing on the page holds it any more, also after a reload.
    await page.reload();
    await page.getByRole('cell', { name: 'build server' }).waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.locator('[data-token="build server"]').getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('cell', { name: 'build server' }).waitFor({ state: 'detached' });
    expect(await trpc(secret, 'auth.whoami')).toBe(401);
  });

  it('lets an admin see and revoke anyone’s tokens; an agent sees no admin page and the server refuses them', async () => {
    const admin = await signedIn('admin');
    await open(admin, 'tokens', 'Tokens');
    await admin.getByLabel('Tokens of').selectOption({ label: 'Dev Dana' });
    await admin.getByLabel('Show revoked tokens').check();
    await admin.getByRole('cell', { name: 'build server' }).waitFor();
    expect(await admin.getByRole('row', { name: /build server/ }).textContent()).toMatch(/revoked/);

    const agent = await signedIn('agent');
    const links = await agent.getByRole('navigation', { name: 'Administration' }).getByRole('link').allTextContents();
    // Their own tokens and their own e-mail settings; nothing of anyone else's.
    expect(links).toEqual(['Tokens', 'My e-mail']);
    await agent.goto(`${suite.server.url}/console/#/users`);
    await agent.getByRole('heading', { level: 1 }).waitFor();
    expect(await agent.getByRole('heading', { level: 1 }).textContent()).not.toBe('Users');
    expect(await trpc(suite.tokens.agent, 'users.accounts')).toBe(403);
    expect(await trpc(suite.tokens.agent, 'audit.list')).toBe(403);
  });

  it('changes a user’s role and teams, shows the server’s refusal to deactivate yourself, and adds a user with a one-time token', async () => {
    const page = await signedIn('admin');
    await open(page, 'users', 'Users');
    const rita = page.getByRole('row', { name: /Rita Reviewer/ });
    await rita.getByLabel('Role').selectOption('developer');
    await rita.getByLabel('Teams').fill('accounts, billing');
    await rita.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => (await suite.server.services.store.listUsers()).find((u) => u.name === 'Rita Reviewer'))
      .toMatchObject({
        role: 'developer',
        teams: ['accounts', 'billing'],
      });
    const ada = page.getByRole('row', { name: /Ada Admin/ });
    await ada.getByRole('button', { name: 'Deactivate' }).click();
    expect(await ada.getByRole('alert').first().textContent()).toMatch(/you cannot deactivate your own account; ask another admin/);
    await rita.getByRole('button', { name: 'Deactivate' }).click();
    await page
      .getByRole('row', { name: /Rita Reviewer/ })
      .getByRole('button', { name: 'Reactivate' })
      .waitFor();

    await page.getByTestId('add-user').getByLabel('Name').fill('Nina New');
    await page.getByTestId('add-user').getByLabel('Teams').fill('no-such-team');
    await page.getByTestId('add-user').getByRole('button', { name: 'Add user' }).click();
    expect(await page.getByTestId('add-user').getByRole('alert').first().textContent()).toMatch(/no-such-team/);
    await page.getByTestId('add-user').getByLabel('Teams').fill('billing');
    await page.getByTestId('add-user').getByRole('button', { name: 'Add user' }).click();
    const secret = (await page.getByTestId('secret').textContent())!;
    expect(await trpc(secret, 'auth.whoami')).toBe(200);
    await page.getByRole('row', { name: /Nina New/ }).waitFor();
    await shot(page, 'users');
  });

  it('creates a team and a routing rule, answers "which team would this go to?", and the audit log shows each change', async () => {
    const page = await signedIn('admin');
    await open(page, 'teams', 'Teams');
    const form = page.locator('form[data-team="new"]');
    await form.getByLabel('Id').fill('payments');
    await form.getByLabel('Name').fill('Payments');
    await form.getByLabel('Tier').selectOption('2');
    await form.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('cell', { name: 'payments', exact: true }).waitFor();
    await shot(page, 'teams');

    await open(page, 'routing', 'Routing rules');
    const preview = page.locator('.routing-preview');
    await preview.getByLabel('Category').fill('billing');
    await preview.getByLabel('Component').fill('Checkout');
    await preview.getByRole('button', { name: 'Show team' }).click();
    await expect.poll(() => page.getByTestId('routing-answer').textContent()).toBe('It would go to team billing.');
    const add = page.getByTestId('add-rule');
    await add.getByLabel('Component').fill('Checkout');
    await add.getByLabel('Team').fill('payments');
    await add.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('cell', { name: 'Checkout' }).waitFor();
    await preview.getByRole('button', { name: 'Show team' }).click();
    // The component rule is more specific than the category rule: it wins.
    await expect.poll(() => page.getByTestId('routing-answer').textContent()).toBe('It would go to team payments.');
    await shot(page, 'routing');

    await open(page, 'audit', 'Audit log');
    await page.getByLabel('Action').selectOption('team.upsert');
    await page.getByRole('button', { name: 'Apply' }).click();
    await onlyAction(page, 'team.upsert');
    const row = page.getByRole('row', { name: /team\.upsert team payments/ });
    await row.waitFor();
    expect(await row.locator('[data-field="tier"] ins').textContent()).toBe('2');
    expect(await row.textContent()).toContain('Ada Admin');
    await page.getByLabel('Action').selectOption('');
    await page.getByLabel('Target').fill('team payments');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await shot(page, 'audit');
  });

  it('keeps service-level policies: a lead changes a target and the audit log records it', async () => {
    const page = await signedIn('lead');
    await open(page, 'sla', 'Service levels');
    await page.getByRole('row', { name: /high/ }).first().getByRole('button', { name: 'Edit' }).click();
    const form = page.getByTestId('policy-form');
    await form.getByLabel('First response (minutes)').fill('0');
    await form.getByRole('button', { name: 'Save policy' }).click();
    expect(await form.locator('[data-path="firstResponseMinutes"]').textContent()).toBe('firstResponseMinutes must be at least 1 minute');
    await form.getByLabel('First response (minutes)').fill('45');
    await form.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText(/^Saved; \d+ open incidents got new due times\.$/).waitFor();
    // A calendar: hours the server cannot read are refused under that weekday.
    const calendar = page.getByTestId('calendar-form');
    await calendar.getByLabel('Id', { exact: true }).fill('office-fr');
    await calendar.getByLabel('Name').fill('Office hours Paris');
    await calendar.getByLabel('Time zone').fill('Europe/Paris');
    await calendar.getByLabel('Mon').fill('9-17');
    await calendar.getByRole('button', { name: 'New calendar' }).click();
    expect(await calendar.locator('[data-path^="hours.mon"]').textContent()).toBe(
      'must be a time of day such as "09:00" (24:00 for midnight at the end)',
    );
    await calendar.getByLabel('Mon').fill('09:00–12:30, 13:30–17:00');
    await calendar.getByLabel('Holidays of (country)').fill('FR');
    await calendar.getByRole('button', { name: 'New calendar' }).click();
    await page.getByText('Calendar saved.').waitFor();
    expect(
      await page
        .getByRole('row', { name: /Office hours Paris/ })
        .locator('td')
        .nth(2)
        .textContent(),
    ).toBe('Mon 09:00–12:30, 13:30–17:00');
    await shot(page, 'sla');
    const admin = await signedIn('admin');
    await open(admin, 'audit', 'Audit log');
    await admin.getByLabel('Action').selectOption('sla.policy.upsert');
    await admin.getByRole('button', { name: 'Apply' }).click();
    await onlyAction(admin, 'sla.policy.upsert');
    const row = admin.getByRole('row', { name: /Lee Lead/ }).first();
    expect(await row.locator('[data-field="firstResponseMinutes"] ins').textContent()).toBe('45');
  });

  it('suggests what developers keep asking, reorders by buttons and by dragging, and shows the server’s 400 under the field it names', async () => {
    const as = async (role: Role) =>
      createCaller(createContextInner(suite.server.services, (await suite.server.services.store.userByToken(suite.tokens[role]))!));
    const [agent, developer] = [await as('agent'), await as('developer')];
    for (const question of ['Which browser version does the customer use?', 'What browser version is the customer on?']) {
      const { reference } = await agent.incidents.create(sampleIncident());
      await developer.incidents.ask({ ref: reference, question });
    }
    const page = await signedIn('lead');
    await open(page, 'templates', 'Question lists');
    await page.getByLabel('Category').selectOption('login');
    const ids = () => page.locator('.question-list > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-question')));
    const before = await ids();
    expect(before.slice(0, 3)).toEqual(['error_message', 'sso', 'identity_provider']);

    const suggestion = page.getByRole('table', { name: 'Developers keep asking' }).getByRole('row').nth(1);
    expect(await suggestion.locator('td').nth(1).textContent()).toBe('2');
    await suggestion.getByRole('button', { name: 'Add as question' }).click();
    await expect.poll(() => page.locator('.question-list > li').count()).toBe(before.length + 1);
    const added = page.locator('.question-list > li').last();
    expect(await added.getByLabel('Question', { exact: true }).inputValue()).toMatch(/browser version/);
    const addedId = await added.getByLabel('Id', { exact: true }).inputValue();
    expect(addedId).toMatch(/^[a-z0-9_]+browser_version[a-z0-9_]*$/);

    // Buttons: the new question moves up one place.
    await page.getByRole('button', { name: `Move question ${before.length + 1} up` }).click();
    await expect.poll(async () => (await ids()).slice(-2)).toEqual([addedId, before.at(-1)]);
    // Dragging: the first question dropped onto the second swaps them.
    await page.locator('.question-list > li').nth(0).locator('.handle').hover();
    await page.mouse.down();
    const target = page.locator('.question-list > li').nth(1).locator('.question-head');
    await target.hover();
    await target.hover({ position: { x: 20, y: 10 } });
    await page.mouse.up();
    await expect.poll(async () => (await ids()).slice(0, 3)).toEqual(['sso', 'error_message', 'identity_provider']);
    // The identity provider moved above the question it depends on: the server refuses and says so there.
    await page.getByRole('button', { name: 'Move question 3 up' }).click();
    await page.getByRole('button', { name: 'Move question 2 up' }).click();
    await expect.poll(async () => (await ids()).slice(0, 2)).toEqual(['identity_provider', 'sso']);
    await page.getByRole('button', { name: /^Save as version/ }).click();
    const first = page.locator('.question-list > li').nth(0);
    expect(await first.locator('[data-path="questions.0.showIf.question"]').textContent()).toBe(
      '"sso" comes after this question; move it above "identity_provider" or drop the condition',
    );
    // The suggested question still needs its reason.
    const why = page.locator(`[data-question="${addedId}"] [data-path$=".why"]`);
    expect(await why.getAttribute('data-path')).toBe(`questions.${before.length - 1}.why`);
    expect(await why.textContent()).toMatch(/>=3 characters/);
    await shot(page, 'templates-refused');
  });

  it('speaks German on the administration pages', async () => {
    const page = await signedIn('admin', 'de-DE');
    await open(page, 'users', 'Benutzer');
    await page.getByRole('button', { name: 'Benutzer anlegen' }).waitFor();
    await shot(page, 'users-de');
    await open(page, 'templates', 'Fragenlisten');
    await page.getByRole('button', { name: 'Frage hinzufügen' }).waitFor();
    await page.getByTestId('panel-preview').getByText('Warum wir fragen:', { exact: false }).first().waitFor();
    await shot(page, 'templates-de');
  });
});
