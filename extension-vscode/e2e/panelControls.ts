import type { Frame } from 'playwright-core';

// The incident panel's controls are @vscode-elements web components: the text boxes live in their
// shadow roots (Playwright's CSS pierces them), and a select opens a list of options to click.

/** Types `text` into the panel's text box or text area `selector` (e.g. "#comment-text"). */
export async function fillIn(frame: Frame, selector: string, text: string): Promise<void> {
  await frame.locator(`${selector} textarea, ${selector} input`).first().fill(text);
}

/** The text in the box `selector`. */
export async function textIn(frame: Frame, selector: string): Promise<string> {
  return frame.locator(selector).evaluate((el) => (el as HTMLElement & { value: string }).value);
}

/** Opens the select `selector` and clicks the option showing `label`, as a person does. */
export async function choose(frame: Frame, selector: string, label: string): Promise<void> {
  await frame.locator(selector).click();
  await frame.locator(`${selector} li[role="option"]`, { hasText: label }).first().click();
}

/** The values of the options the select `selector` offers. */
export async function optionValues(frame: Frame, selector: string): Promise<string[]> {
  return frame.locator(`${selector} vscode-option`).evaluateAll((els) => els.map((e) => (e as HTMLElement & { value: string }).value));
}

/** Whether the checkbox `selector` is ticked. */
export async function isChecked(frame: Frame, selector: string): Promise<boolean> {
  return frame.locator(selector).evaluate((el) => (el as HTMLElement & { checked: boolean }).checked);
}
