// A reproduction recorded in real Chromium (shared/src/recording/fixtures/recordedCheckout.json, written
// by extension-browser/e2e/recording.e2e.ts) becomes a Playwright Test spec; run with @playwright/test on
// Debian's Chromium it fails at the recorded failing step while the bug is there and passes once it is gone.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRecorderJson, recordingToPlaywright } from '@handoff/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSampleApp } from '../sample-app/sampleApp';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const SPEC = 'tests/repro/INC-1042.spec.ts';

interface Outcome {
  status: string;
  failedStep: string | null;
  message: string;
}

/** Runs the spec in `ws` with the project's own @playwright/test and reads the JSON report (the shop answers meanwhile). */
async function runSpec(ws: string, baseUrl: string): Promise<Outcome> {
  const cli = createRequire(join(ws, 'package.json')).resolve('@playwright/test/cli');
  const child = spawn(process.execPath, [cli, 'test', SPEC, '--reporter=json', '--workers=1'], {
    cwd: ws,
    env: {
      ...process.env,
      HANDOFF_REPRO_BASE_URL: baseUrl,
      HANDOFF_REPRO_CHROMIUM: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      FORCE_COLOR: '0',
    },
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  await new Promise((r) => child.on('close', r));
  const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
    suites: Array<{
      specs: Array<{
        tests: Array<{
          results: Array<{ status: string; error?: { message: string }; steps?: Array<{ title: string; error?: unknown }> }>;
        }>;
      }>;
    }>;
  };
  const result = report.suites[0]!.specs[0]!.tests[0]!.results[0]!;
  return {
    status: result.status,
    failedStep: result.steps?.find((s) => s.error)?.title ?? null,
    message: result.error?.message.split('\n')[0] ?? '',
  };
}

describe('a recorded reproduction as a Playwright test', () => {
  let ws: string;
  beforeAll(async () => {
    ws = mkdtempSync(join(tmpdir(), 'handoff-repro-ws-'));
    symlinkSync(join(root, 'node_modules'), join(ws, 'node_modules'));
    writeFileSync(join(ws, 'package.json'), '{"name":"shop","private":true}\n');
    const recording = parseRecorderJson(readFileSync(join(root, 'shared/src/recording/fixtures/recordedCheckout.json'), 'utf8'));
    mkdirSync(join(ws, 'tests/repro'), { recursive: true });
    writeFileSync(join(ws, SPEC), await recordingToPlaywright(recording, { baseUrl: 'http://127.0.0.1:9' }));
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('fails at the recorded failing step with the recorded message while the bug is there', async () => {
    const shop = await startSampleApp({ bug: true });
    try {
      const outcome = await runSpec(ws, shop.url);
      expect(outcome.status).toBe('failed');
      expect(outcome.failedStep).toBe('7. Click “Pay now” (button)');
      expect(outcome.message).toContain(
        'Step 7 (Click “Pay now” (button)): expected Order confirmed — recorded actual: Payment failed: HTTP 500',
      );
    } finally {
      await shop.close();
    }
  });

  it('passes once the bug is gone', async () => {
    const shop = await startSampleApp({ bug: false });
    try {
      expect(await runSpec(ws, shop.url)).toEqual({ status: 'passed', failedStep: null, message: '' });
    } finally {
      await shop.close();
    }
  });
});
