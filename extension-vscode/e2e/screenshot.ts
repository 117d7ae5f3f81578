import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** Where screenshots go (ignored by git): failed steps, and the screens a step asks to keep. */
export const SHOTS_DIR = resolve(__dirname, '..', '.e2e');

/** Saves the workbench as `.e2e/<name>.png`, for a person to look at the screen a step reached. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = resolve(SHOTS_DIR, `${name.replace(/\W+/g, '-')}.png`);
  await page.screenshot({ path });
  return path;
}
