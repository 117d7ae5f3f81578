import type { Page } from 'playwright-core';
import { answerQuestions, type Browser, openCrmPage, openPanel } from '../../extension-browser/e2e/harness';

type CaptureOptions = { category: string; version: string; steps: string[] };

/**
 * The agent captures an incident in the side panel beside a CRM ticket, as on the phone:
 * pre-filled from the page, the category's questions, version and steps, then submit.
 * Returns the reference the panel shows, and the panel (left open: it is the agent's view).
 */
export async function captureInPanel(
  agent: Browser,
  crmUrl: string,
  opts: CaptureOptions,
): Promise<{ ref: string; panel: Page; crm: Page }> {
  const { panel, crm, submit } = await fillCapture(agent, crmUrl, opts);
  return { ref: await submit(), panel, crm };
}

/**
 * Everything of {@link captureInPanel} up to the click on Submit, which `submit` does (and
 * resolves with the reference the panel shows): a hop measured from the agent's click starts there.
 */
export async function fillCapture(
  agent: Browser,
  crmUrl: string,
  opts: CaptureOptions,
): Promise<{ panel: Page; crm: Page; submit: () => Promise<string> }> {
  const crm = await openCrmPage(agent, crmUrl);
  const { panel } = await openPanel(agent);
  await panel.selectOption('#f-category', opts.category);
  await panel.locator('.questions .field').first().waitFor();
  await answerQuestions(panel);
  await panel.fill('input[name="product"]', 'Acme Cloud');
  await panel.fill('input[name="version"]', opts.version);
  for (const [i, step] of opts.steps.entries()) {
    if (i > 0) await panel.click('button.add-step');
    await panel.fill(`textarea[name="steps.${i}.action"]`, step);
  }
  await panel.selectOption('#f-severity', 'high');
  const submit = async () => {
    await panel.click('button.submit');
    return (await panel.locator('[data-testid="reference"]').textContent({ timeout: 15_000 }))!.trim();
  };
  return { panel, crm, submit };
}
