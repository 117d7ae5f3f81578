import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type ReproOutcome, readPlaywrightReport } from './playwrightReport';

/** Thrown when the workspace has no `@playwright/test` to run the reproduction with. */
export class NoPlaywrightError extends Error {
  constructor(readonly folder: string) {
    super(`No @playwright/test in ${folder}`);
  }
  static is(e: unknown): e is NoPlaywrightError {
    return e instanceof NoPlaywrightError;
  }
}

/** The workspace's own Playwright Test command line (the version the project pins), or NoPlaywrightError. */
export function playwrightCli(folder: string): string {
  try {
    return createRequire(join(folder, 'package.json')).resolve('@playwright/test/cli');
  } catch {
    throw new NoPlaywrightError(folder);
  }
}

export interface RunOptions {
  folder: string;
  spec: string;
  baseUrl?: string | undefined;
  chromium?: string | undefined;
  /** Each line Playwright prints, for the output channel. */
  onOutput?: (text: string) => void;
}

/**
 * Runs one spec with the workspace's `@playwright/test` (JSON reporter) and reads the outcome. The
 * base URL and browser go in through the environment variables the generated spec reads.
 */
export function runPlaywright(opts: RunOptions): Promise<ReproOutcome> {
  const cli = playwrightCli(opts.folder);
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_RUN_AS_NODE: '1', FORCE_COLOR: '0' };
  if (opts.baseUrl) env.HANDOFF_REPRO_BASE_URL = opts.baseUrl;
  if (opts.chromium) env.HANDOFF_REPRO_CHROMIUM = opts.chromium;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'test', opts.spec, '--reporter=json', '--workers=1'], { cwd: opts.folder, env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => opts.onOutput?.(d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      opts.onOutput?.(out);
      try {
        resolve(readPlaywrightReport(out.slice(out.indexOf('{'))));
      } catch (e) {
        reject(e);
      }
    });
  });
}
