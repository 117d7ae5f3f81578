// The recorder's remaining gaps in real Chromium: the agent's own masking pattern set on the options
// page (checked, with a clear message for one that cannot work) masks a value in a recording; key
// presses beyond Enter/Escape (Tab, arrows, a shortcut with its modifier) become keyDown/keyUp
// steps, and nothing typed into the password field is recorded as keys.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SampleApp, startSampleApp } from '../../test/sample-app/sampleApp';
import { screenshot, startWorld, type World } from './harness';
import { recordedSteps, recorderReady } from './recordingHelpers';

// biome-ignore lint/suspicious/noExplicitAny: the extension's chrome global, used only inside evaluate()
declare const chrome: any;

const PASSWORD = 'Hunter2-Secret!';

describe('recorder settings and key presses in real Chromium', () => {
  let w: World;
  let shop: SampleApp;
  let options: Page;

  beforeAll(async () => {
    w = await startWorld();
    shop = await startSampleApp({ bug: false });
  });
  afterAll(async () => {
    await shop?.close();
    await w?.close();
  });

  it('refuses a pattern that cannot work with a message saying why, and keeps a valid one', async () => {
    options = await w.browser.context.newPage();
    await options.goto(`chrome-extension://${w.browser.id}/options.html`);
    const problem = options.locator('#mask-problem');
    await options.fill('#mask-pattern', 'ORD-(\\d+');
    await options.click('.mask-add-button');
    expect(await problem.textContent()).toMatch(/^Not a valid regular expression: .*Unterminated group/);
    await options.fill('#mask-pattern', 'ORD-\\d*');
    await options.click('.mask-add-button');
    await problem.waitFor({ state: 'detached' }); // typing clears the previous message
    await options.fill('#mask-pattern', '\\d*');
    await options.click('.mask-add-button');
    expect(await problem.textContent()).toBe(
      'This pattern also matches empty text, so it would mask everything. Make it need at least one character (e.g. \\d+ instead of \\d*).',
    );
    await options.fill('#mask-pattern', 'ORD-\\d{6}');
    await options.click('.mask-add-button');
    const listed = (pattern: string) => options.locator('.mask-patterns li').filter({ has: options.locator('code', { hasText: pattern }) });
    await listed('ORD-\\d{6}').waitFor();
    expect(await options.locator('.mask-patterns li').count()).toBe(2); // ORD-\d* (valid) and ORD-\d{6}
    await listed('ORD-\\d*').locator('button').click();
    await expect
      .poll(() => options.locator('.mask-patterns li').evaluateAll((els) => els.map((e) => e.dataset.pattern)))
      .toEqual(['ORD-\\d{6}']);
    await options.fill('#mask-sample', 'order ORD-123456 for ann@example.com');
    expect(await options.locator('.mask-preview').textContent()).toBe('Recorded as: order •••• for ann@example.com');
    const stored = await w.browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings.recordingMask);
    expect(stored).toEqual({ emails: false, patterns: ['ORD-\\d{6}'] });
    await options.locator('.mask-settings').scrollIntoViewIfNeeded();
    await screenshot(options, 'options-masking', false);
  });

  it('records with the pattern masking a value, Tab/arrow/shortcut keys as steps, and no keys typed into the password', async () => {
    const panel = await w.browser.context.newPage();
    await panel.goto(`chrome-extension://${w.browser.id}/sidepanel.html`);
    const opened = w.browser.context.waitForEvent('page');
    await panel.evaluate((url) => chrome.runtime.sendMessage({ type: 'recorder:start', url, title: 'keys' }), `${shop.url}/login`);
    const product = await opened;
    await recorderReady(w.browser, '/login');

    await product.getByLabel('E-mail').click();
    await product.keyboard.type('ORD-123456@example.com'); // typed key by key: the change step holds the value
    await product.keyboard.press('Tab');
    await product.keyboard.type(PASSWORD);
    await product.keyboard.press('Control+k'); // a shortcut in the password field: not even its key is kept
    await product.keyboard.press('Tab'); // to "Sign in"
    await product.keyboard.press('ArrowDown');
    await product.keyboard.press('Control+k');

    const expected = [
      { type: 'navigate' },
      { type: 'change', value: '••••@example.com', handoff: { masked: 'pattern' } },
      { type: 'keyDown', key: 'Tab' },
      { type: 'keyUp', key: 'Tab' },
      { type: 'change', value: '••••', handoff: { masked: 'password' } },
      { type: 'keyDown', key: 'Tab' },
      { type: 'keyUp', key: 'Tab' },
      { type: 'keyDown', key: 'ArrowDown' },
      { type: 'keyUp', key: 'ArrowDown' },
      { type: 'keyDown', key: 'Control' },
      { type: 'keyDown', key: 'k' },
      { type: 'keyUp', key: 'k' },
      { type: 'keyUp', key: 'Control' },
    ];
    await expect.poll(async () => (await recordedSteps(w.browser)).length, { timeout: 20_000 }).toBe(expected.length);
    const steps = await recordedSteps(w.browser);
    expect(steps).toMatchObject(expected);
    expect((steps[1] as { selectors?: string[][] }).selectors?.[0]).toEqual(['aria/E-mail[role="textbox"]']);
    const text = JSON.stringify(steps);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('123456');
    await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'recorder:stop' }));
  });
});
