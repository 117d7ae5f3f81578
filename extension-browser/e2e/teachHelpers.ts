import type { Locator, Page } from 'playwright-core';

/** Teaches `field` by clicking `css` on the ticket page with the real picker, as an agent does. */
export async function teach(panel: Page, crm: Page, field: string, css: string): Promise<Locator> {
  const row = panel.locator(`.teach li:has(button[data-teach="${field}"])`);
  // folded while the page reads well by itself
  if ((await panel.locator('details.teach').getAttribute('open')) === null) await panel.click('details.teach > summary');
  await panel.click(`button[data-teach="${field}"]`);
  await panel.locator(`button[data-teach="${field}"]:disabled`).waitFor();
  // the picker listens once injected: click until the panel shows the field as taught
  for (let i = 0; i < 40; i++) {
    await crm.locator(css).first().click({ force: true });
    if (
      await row
        .locator('xpath=self::*[@data-taught="yes"]')
        .waitFor({ timeout: 250 })
        .then(
          () => true,
          () => false,
        )
    )
      break;
  }
  await panel.locator(`.teach li[data-taught="yes"]:has(button[data-teach="${field}"]:enabled)`).waitFor();
  return row;
}
