import path from 'node:path';
import type { Role } from '@handoff/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleSuite, SHOTS, signedIn as signedInAs } from './consoleSession.js';

describe('“My e-mail” in the console, in real Chromium', () => {
  const suite = consoleSuite();

  const open = async (role: Role, locale: string, heading: string): Promise<Page> => {
    const page = await signedInAs(suite.browser, suite.server.url, suite.tokens[role], { locale, viewport: { width: 1280, height: 900 } });
    await page.goto(`${suite.server.url}/console/#/my-email`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    return page;
  };
  const settingsOf = async (role: Role) => {
    const res = await fetch(`${suite.server.url}/trpc/users.mailSettings?input=${encodeURIComponent('{}')}`, {
      headers: { authorization: `Bearer ${suite.tokens[role]}` },
    });
    return ((await res.json()) as { result: { data: unknown } }).result.data;
  };

  it('an agent opts in to their incidents: a wrong address is refused next to the field, a right one saved', async () => {
    const page = await open('agent', 'en-GB', 'My e-mail');
    const form = page.getByTestId('my-email');
    await form.getByLabel('Nothing (no mails)').waitFor();
    expect(await form.getByLabel('Nothing (no mails)').isChecked()).toBe(true);
    await form.getByLabel('Your e-mail address').fill('alice@');
    await form.getByLabel(/^Incidents I reported/).check();
    // The browser's own check is skipped so the server's message shows (what a person can act on).
    await form.evaluate((f: HTMLFormElement) => f.setAttribute('novalidate', ''));
    await form.getByRole('button', { name: 'Save' }).click();
    // Next to the field it names, without repeating the field's name.
    await expect.poll(() => form.locator('.field-error[data-path=email]').textContent()).toBe('give an address like name@example.com');
    expect(await settingsOf('agent')).toMatchObject({ email: null, mode: 'off' });

    await form.getByLabel('Your e-mail address').fill('alice@example.com');
    await form.getByLabel('Language of the mails').selectOption('de');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved: mails go to this address' }).waitFor();
    expect(await settingsOf('agent')).toMatchObject({ email: 'alice@example.com', mode: 'mine', lang: 'de' });
    await page.screenshot({ path: path.join(SHOTS, 'console-my-email.png'), fullPage: true });

    // After a reload the form shows what is stored.
    await page.reload();
    await page.getByTestId('my-email').getByLabel('Your e-mail address').waitFor();
    await expect.poll(() => page.getByTestId('my-email').getByLabel('Your e-mail address').inputValue()).toBe('alice@example.com');
    expect(
      await page
        .getByTestId('my-email')
        .getByLabel(/^Incidents I reported/)
        .isChecked(),
    ).toBe(true);
  });

  it('in German and French too; turning mail off is said plainly', async () => {
    const de = await open('developer', 'de-DE', 'Meine E-Mail');
    const form = de.getByTestId('my-email');
    await form.getByLabel('Ihre E-Mail-Adresse').fill('dana@example.com');
    await form.getByLabel('Diesen und allen Vorfällen meiner Teams').check();
    await form.getByRole('button', { name: 'Speichern' }).click();
    await form.getByRole('status').filter({ hasText: 'Gespeichert' }).waitFor();
    expect(await settingsOf('developer')).toMatchObject({ email: 'dana@example.com', mode: 'teams' });
    await de.screenshot({ path: path.join(SHOTS, 'console-my-email-de.png'), fullPage: true });

    const fr = await open('developer', 'fr-FR', 'Mon e-mail');
    const frForm = fr.getByTestId('my-email');
    await frForm.getByLabel('De rien (aucun e-mail)').check();
    await frForm.getByRole('button', { name: 'Enregistrer' }).click();
    await frForm.getByRole('status').filter({ hasText: 'aucun e-mail ne vous est envoyé' }).waitFor();
    expect(await settingsOf('developer')).toMatchObject({ email: 'dana@example.com', mode: 'off' });
  });
});
