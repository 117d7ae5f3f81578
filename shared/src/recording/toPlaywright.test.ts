import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { Recording } from '../schemas/recording.js';
import { recordingToSteps } from './describe.js';
import { parseRecorderJson, recordingToRecorderJson } from './recorderJson.js';
import { parseSelector } from './selectors.js';
import { recordingToPlaywright } from './toPlaywright.js';

const chromeExport = readFileSync(new URL('./fixtures/chromeRecorder.json', import.meta.url), 'utf8');
/** Recorded by the browser extension in real Chromium (extension-browser/e2e/recording.e2e.ts) and exported. */
const recordedCheckout = readFileSync(new URL('./fixtures/recordedCheckout.json', import.meta.url), 'utf8');

const handoffRecording: Recording = {
  title: 'INC-1042: Pay now fails',
  steps: [
    { type: 'navigate', url: 'http://127.0.0.1:4100/login' },
    { type: 'change', value: 'ann@example.com', selectors: [['aria/E-mail[role="textbox"]'], ['#email']] },
    { type: 'change', value: '••••••', selectors: [['[data-testid="password"]'], ['#password']], handoff: { masked: 'password' } },
    {
      type: 'click',
      selectors: [['aria/Sign in[role="button"]']],
      offsetX: 3,
      offsetY: 4,
      assertedEvents: [{ type: 'navigation', url: 'http://127.0.0.1:4100/checkout' }],
    },
    { type: 'change', value: '•••• •••• •••• ••••', selectors: [['aria/Card number[role="textbox"]']], handoff: { masked: 'card' } },
    { type: 'keyDown', key: 'Enter' },
    { type: 'keyUp', key: 'Enter' },
    {
      type: 'click',
      selectors: [['aria/Pay now[role="button"]'], ['#pay']],
      offsetX: 1,
      offsetY: 1,
      handoff: {
        failing: true,
        expected: 'Order confirmed',
        console: [{ level: 'error', text: 'Payment failed: amount is NaN' }],
        network: [{ method: 'POST', url: 'http://127.0.0.1:4100/api/pay', status: 500, durationMs: 12 }],
      },
    },
  ],
};

describe('recordingToPlaywright', () => {
  it('holds a shortcut’s modifier down around its key, and presses other keys', async () => {
    const spec = await recordingToPlaywright(
      {
        title: 'shortcut',
        steps: [
          { type: 'navigate', url: 'http://127.0.0.1:4100/' },
          ...(['Control', 'k'].map((key) => ({ type: 'keyDown', key })) as Recording['steps']),
          ...(['k', 'Control', 'Tab'].map((key) => ({ type: 'keyUp', key })) as Recording['steps']),
          { type: 'keyDown', key: 'Tab' },
        ],
      },
      { baseUrl: 'http://127.0.0.1:4100' },
    );
    const keys = spec
      .split('\n')
      .filter((l) => l.includes('keyboard.'))
      .map((l) => l.trim());
    expect(keys).toEqual([
      "await page.keyboard.down('Control');",
      "await page.keyboard.press('k');",
      "await page.keyboard.up('Control');",
      "await page.keyboard.press('Tab');",
    ]);
    expect(
      recordingToSteps({
        title: 'x',
        steps: [
          { type: 'keyDown', key: 'Control' },
          { type: 'keyDown', key: 'k' },
        ],
      }).map((s) => s.action),
    ).toEqual(['Hold Control', 'Press k']);
  });

  it('replays a Handoff recording step by step against the base URL, asserting the failing step', async () => {
    const spec = await recordingToPlaywright(handoffRecording, { baseUrl: 'http://staging.local:8080' });
    expect(spec).toContain("baseURL: process.env.HANDOFF_REPRO_BASE_URL || 'http://staging.local:8080',");
    expect(spec).toContain("await page.goto('/login');");
    expect(spec).toContain("await change(page.getByRole('textbox', { name: 'E-mail', exact: true }), 'ann@example.com');");
    expect(spec).toContain("await change(page.getByTestId('password'), secret('password', '••••••'));");
    expect(spec).toContain("await page.waitForURL('/checkout');");
    expect(spec).toContain("await page.keyboard.press('Enter');");
    expect(spec).not.toMatch(/keyboard\.(down|up)/);
    expect(spec).toContain("test.step('7. Click “Pay now” (button)', async () => {");
    expect(spec).toContain('// recorded console error: Payment failed: amount is NaN');
    expect(spec).toContain('// recorded request: POST http://127.0.0.1:4100/api/pay → 500 (12 ms)');
    expect(spec).toContain(
      "await expect(page.getByText('Order confirmed'), 'Step 7 (Click “Pay now” (button)): expected Order confirmed').toBeVisible();",
    );
    expect(spec).not.toContain('recorderSourceMap');
  });

  it('reads Recorder JSON as Chrome exports it and keeps URLs of other sites absolute', async () => {
    const recording = parseRecorderJson(chromeExport);
    expect(recording.steps.map((s) => s.type)).toEqual([
      'setViewport',
      'navigate',
      'click',
      'change',
      'keyDown',
      'keyUp',
      'click',
      'click',
    ]);
    const spec = await recordingToPlaywright({
      ...recording,
      steps: [...recording.steps, { type: 'navigate', url: 'https://pay.example.net/3ds?x=1' }],
    });
    expect(spec).toContain("baseURL: process.env.HANDOFF_REPRO_BASE_URL || 'https://shop.example.com',");
    expect(spec).toContain('await page.setViewportSize({ width: 1280, height: 720 });');
    expect(spec).toContain("await page.goto('/login?next=%2Fcheckout');");
    expect(spec).toContain("await change(page.getByLabel('E-mail', { exact: true }), 'ann@example.com');");
    expect(spec).toContain("await page.getByLabel('Sign in', { exact: true }).click();");
    expect(spec).toContain("await page.getByRole('button', { name: 'Pay now', exact: true }).click();");
    expect(spec).toContain("await page.goto('https://pay.example.net/3ds?x=1');");
    expect(spec).not.toContain('expect(page.getByText');
  });

  it('turns a real recording into a spec whose secrets come from the environment', async () => {
    const recording = parseRecorderJson(recordedCheckout);
    const spec = await recordingToPlaywright(recording, { baseUrl: 'http://localhost:4100' });
    expect(spec).toContain("baseURL: process.env.HANDOFF_REPRO_BASE_URL || 'http://localhost:4100',");
    expect(spec).toContain("await page.goto('/login');");
    expect(spec).toContain("await change(page.getByRole('textbox', { name: 'E-mail', exact: true }), 'ann@example.com');");
    expect(spec).toContain("await change(page.getByTestId('password'), secret('password', '••••'));");
    expect(spec).toContain("await change(page.getByRole('textbox', { name: 'Card number', exact: true }), secret('card', '••••'));");
    expect(spec).toContain(
      "await page.getByRole('button', { name: 'Sign in', exact: true }).click();\n    await page.waitForURL('/checkout');",
    );
    expect(spec).toContain("await page.getByTestId('pay').click();");
    expect(spec).toContain(
      "await expect(page.getByText('Order confirmed'), \"Step 7 (Click “Pay now” (button)): expected Order confirmed — recorded actual: Payment failed: HTTP 500 Cannot read properties of undefined (reading 'percent')",
    );
    expect(spec).toMatch(/\/\/ recorded request: POST http:\/\/127\.0\.0\.1:\d+\/api\/pay\?session=REDACTED → 500 \(\d+ ms\)/);
    expect(spec).not.toMatch(/4242|Hunter2/);
  });

  it('round-trips through Recorder JSON with its notes', () => {
    expect(parseRecorderJson(recordingToRecorderJson(handoffRecording))).toEqual(handoffRecording);
  });

  it('refuses what is not a recording, naming the field', async () => {
    await expect(recordingToPlaywright({ title: 'x', steps: [] })).rejects.toThrow(ZodError);
    expect(() => parseRecorderJson('{"title":"t","steps":[{"type":"click","selectors":[],"offsetX":1,"offsetY":1}]}')).toThrow(
      /a step needs at least one selector/,
    );
    const two = { ...handoffRecording, steps: handoffRecording.steps.map((s) => ({ ...s, handoff: { failing: true } })) };
    expect(() => parseRecorderJson(JSON.stringify(two))).toThrow(/at most one step as the failing one/);
  });
});

describe('recorded steps as incident steps', () => {
  it('names each step a person takes; the failing one carries what was seen', () => {
    expect(recordingToSteps(handoffRecording)).toEqual([
      { action: 'Open http://127.0.0.1:4100/login' },
      { action: 'Enter “ann@example.com” in “E-mail” (textbox)' },
      { action: 'Enter a password in [data-testid=password] (masked)' },
      { action: 'Click “Sign in” (button)' },
      { action: 'Enter a card number in “Card number” (textbox) (masked)' },
      { action: 'Press Enter' },
      {
        action: 'Click “Pay now” (button)',
        expected: 'Order confirmed',
        actual: 'console error: Payment failed: amount is NaN\nPOST http://127.0.0.1:4100/api/pay → 500',
      },
    ]);
  });

  it('reads selectors in every Recorder form', () => {
    expect(parseSelector('aria/Pay now[role="button"]')).toEqual({ kind: 'role', role: 'button', name: 'Pay now' });
    expect(parseSelector("[data-testid='x']")).toEqual({ kind: 'testId', value: 'x' });
    expect(parseSelector(['iframe', 'pierce/#a > b'])).toEqual({ kind: 'css', value: '#a > b' });
    expect(parseSelector('xpath///div')).toEqual({ kind: 'xpath', value: '//div' });
    expect(parseSelector('text/Total')).toEqual({ kind: 'text', value: 'Total' });
  });
});
