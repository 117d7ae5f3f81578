import type { Frame, Locator, Page } from 'playwright-core';

/** Drives the VS Code workbench in the browser the way a person does: palette, inputs, clicks. */
export class Workbench {
  constructor(readonly page: Page) {}

  /**
   * Opens `folder` in the code-server at `url` and waits for the workbench. The first load of a
   * fresh code-server compiles and caches its scripts: on a busy machine that took over 30 s.
   */
  static async open(page: Page, url: string, folder: string): Promise<Workbench> {
    await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { timeout: 120_000 });
    const wb = new Workbench(page);
    await wb.ready();
    return wb;
  }

  async ready(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.statusbar').waitFor({ timeout: 60_000 });
  }

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Runs a command from the palette by its title, e.g. "Handoff: Open Incident…". */
  async runCommand(title: string): Promise<void> {
    await this.pick(`>${title}`, title);
  }

  /** Opens a workspace file through Quick Open, as Ctrl+P does (keys typed into a webview stay there). */
  async quickOpen(fileName: string): Promise<void> {
    await this.pick(fileName, fileName);
  }

  /**
   * Types `text` into the palette and clicks the row showing `rowText`. VS Code may hand focus
   * back to an editor or webview just after the palette opened (e.g. when notifications are
   * cleared), which closes the palette; then the person simply opens it again — so do we.
   */
  private async pick(text: string, rowText: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const input = await this.openQuickInput();
        await input.fill(text, { timeout: 5_000 });
        const row = this.quickInput.locator('.monaco-list-row', { hasText: rowText }).first();
        await row.waitFor({ timeout: 15_000 });
        await row.click({ timeout: 5_000 });
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
  }

  /**
   * Opens the palette with F1; when a focused webview keeps the key, clicks the command center
   * in the title bar instead (what a person would do next).
   */
  private async openQuickInput(): Promise<Locator> {
    const input = this.quickInput.locator('input.input');
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('F1');
    if (
      await input.waitFor({ state: 'visible', timeout: 3_000 }).then(
        () => true,
        () => false,
      )
    )
      return input;
    await this.page.locator('.command-center .search-label, .command-center-center').first().click();
    await input.waitFor({ state: 'visible' });
    return input;
  }

  /** Types into the open input box (quick input) and presses Enter. */
  async answerInput(text: string): Promise<void> {
    const input = this.quickInput.locator('input.input');
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    await this.page.keyboard.press('Enter');
  }

  /** In a multi-select quick pick: toggles the rows showing each text, then accepts with OK. */
  async pickMany(rowTexts: string[]): Promise<void> {
    await this.quickInput.locator('.quick-input-list').waitFor({ state: 'attached' });
    for (const text of rowTexts) {
      const row = this.quickInput.locator('.monaco-list-row', { hasText: text }).first();
      await row.waitFor();
      await row.click(); // in a multi-select pick, a click on the row toggles its checkbox
    }
    await this.quickInput.locator('.monaco-button', { hasText: /^OK$/ }).first().click();
  }

  /** Clicks `button` in the modal dialog VS Code shows for a confirmation. */
  async confirmDialog(button: string): Promise<void> {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    await dialog.locator('.monaco-button', { hasText: button }).first().click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** The header text (title, description, badge) of the view titled `name`. */
  async paneHeader(name: string): Promise<string> {
    return this.page.locator('#workbench\\.parts\\.sidebar .pane-header', { hasText: name }).first().innerText();
  }

  /**
   * Waits for a notification toast containing `text` and returns its whole text. VS Code shows at
   * most three toasts, only as many as fit the window, and none beyond the third raised within
   * 800 ms (its spam protection: a fast server's burst of live events trips it); one it holds back
   * is still in the notification center (the bell), where a person finds it: that counts as
   * shown. When it is in neither, the error lists every toast and what the center holds.
   */
  async notification(text: string | RegExp, timeout = 20_000): Promise<string> {
    const toast = this.page.locator('.notification-toast', { hasText: text }).first();
    try {
      await toast.waitFor({ timeout });
      return (await toast.innerText()).trim();
    } catch (err) {
      const toasts = await this.page
        .locator('.notification-toast')
        .evaluateAll((els) =>
          els.map((e) => `${(e as HTMLElement).checkVisibility() ? 'shown' : 'held back'}: ${(e as HTMLElement).innerText.trim()}`),
        );
      await this.runCommand('Notifications: Show Notifications');
      const rows = this.page.locator('.notifications-center .monaco-list-row');
      const held = rows.filter({ hasText: text }).first();
      // The center lists notifications as they come: one still on its way may land there.
      if (
        await held.waitFor({ timeout }).then(
          () => true,
          () => false,
        )
      ) {
        const found = (await held.innerText()).trim();
        console.warn(`VS Code held "${found}" back from the toasts (in the notification center); toasts: ${JSON.stringify(toasts)}`);
        await this.page.keyboard.press('Escape');
        return found;
      }
      const center = await rows.allInnerTexts();
      throw new Error(
        `${(err as Error).message}\nToasts: ${JSON.stringify(toasts)}\nNotification center: ${JSON.stringify(center.map((c) => c.trim()))}`,
      );
    }
  }

  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
  }

  /** Opens the "Handoff" activity-bar container. */
  async openHandoffViews(): Promise<Locator> {
    const sidebar = this.page.locator('#workbench\\.parts\\.sidebar');
    if (!(await sidebar.locator('.pane-header', { hasText: /Assigned to me/i }).count())) {
      await this.page.locator('.activitybar .action-item a[aria-label^="Handoff"]').first().click();
    }
    await sidebar.locator('.pane-header', { hasText: /Assigned to me/i }).waitFor();
    return sidebar;
  }

  /** The text of every row in the view titled `name`. */
  async viewRows(name: string): Promise<string[]> {
    const pane = this.page.locator('#workbench\\.parts\\.sidebar .pane', { has: this.page.locator('.pane-header', { hasText: name }) });
    return pane.locator('.monaco-list-row').allInnerTexts();
  }

  /** The webview frame showing the incident `reference` (VS Code nests each webview in two iframes). */
  async incidentFrame(reference: string, timeout = 30_000): Promise<Frame> {
    const deadline = Date.now() + timeout;
    for (;;) {
      for (const frame of this.page.frames()) {
        try {
          const ref = await frame.locator(`article.incident[data-reference="${reference}"]`).count();
          if (ref) return frame;
        } catch {
          // frame detached while looking
        }
      }
      if (Date.now() > deadline) throw new Error(`No panel for ${reference} within ${timeout} ms`);
      await this.page.waitForTimeout(100);
    }
  }
}
