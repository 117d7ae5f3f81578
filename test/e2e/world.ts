// Everything the stories need, started for real: the Handoff server, the CRM fixture site,
// Chromium with the browser extension (one profile for the agent, one for the reviewer), and a
// real VS Code (code-server) with the VS Code extension, opened in headless Chromium.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser as PwBrowser, type Page } from 'playwright-core';
import { type RunningServer, startServer } from '@handoff/server';
import { openSse } from '../bench/sse';
import { type Browser, configure, launchBrowser, startFixtureServer } from '../../extension-browser/e2e/harness';
import { type CodeServer, startCodeServer } from '../../extension-vscode/e2e/codeServer';
import { Workbench } from '../../extension-vscode/e2e/workbench';

const VSIX = resolve(__dirname, '../../extension-vscode/dist/handoff-vscode.vsix');

export interface World {
  server: RunningServer;
  fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
  agent: Browser;
  reviewer: Browser;
  vscode: CodeServer;
  vscodeBrowser: PwBrowser;
  page: Page;
  wb: Workbench;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-story-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), demo: true });
  const tokens = server.demoTokens!;
  const fixtures = await startFixtureServer();
  const agent = await launchBrowser();
  const reviewer = await launchBrowser();
  for (const [b, token] of [
    [agent, tokens.agent],
    [reviewer, tokens.reviewer],
  ] as const) {
    const reason = await configure(b, server.url, token);
    if (reason !== 'ok') throw new Error(`browser extension options check said "${reason}"`);
  }

  const workspace = join(dir, 'workspace');
  execFileSync('git', ['init', '-q', '-b', 'main', workspace]);
  const vscode = await startCodeServer({
    dir: join(dir, 'code'),
    vsix: [VSIX],
    settings: {
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'handoff.serverUrl': server.url,
    },
  });
  const vscodeBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const page = await vscodeBrowser.newPage({ viewport: { width: 1400, height: 900 } });
  const wb = await Workbench.open(page, vscode.url, workspace);
  await wb.runCommand('Handoff: Sign In');
  await wb.answerInput(tokens.developer);
  await wb.notification('Signed in to Handoff as');
  await wb.clearNotifications();

  return {
    server,
    fixtures,
    agent,
    reviewer,
    vscode,
    vscodeBrowser,
    page,
    wb,
    async close() {
      await vscodeBrowser.close().catch(() => undefined);
      await vscode.close().catch(() => undefined);
      await agent.close().catch(() => undefined);
      await reviewer.close().catch(() => undefined);
      await fixtures.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Hop latencies: from the press that sends something in one client to it showing in the other,
 * without a reload. What the person types before the press is their time, not the hop's: callers
 * fill the form first and measure only the press.
 */
export class Hops {
  readonly rows: { story: string; hop: string; ms: number }[] = [];

  async measure(story: string, hop: string, action: () => Promise<void>, arrived: () => Promise<unknown>): Promise<number> {
    const t0 = Date.now();
    await action();
    await arrived();
    const ms = Date.now() - t0;
    this.rows.push({ story, hop, ms });
    return ms;
  }

  /** Records where a hop's time went (printed indented under the hop it belongs to). */
  part(story: string, hop: string, ms: number): void {
    this.rows.push({ story, hop: `  of which: ${hop}`, ms });
  }

  print(): void {
    console.log('\nHop latencies (action in one client → shown live in the other):');
    for (const r of this.rows) console.log(`  ${r.story.padEnd(22)} ${r.hop.padEnd(64)} ${String(r.ms).padStart(6)} ms`);
  }
}

/**
 * A plain live subscriber beside the real clients (the same stream VS Code opens, read with no UI):
 * when each incident's first event arrived, so a hop can be split into the server's part and the
 * client's part.
 */
export function liveProbe(
  serverUrl: string,
  token: string,
): { firstEventAt(ref: string): Promise<number>; eventAt(ref: string, match: RegExp, after: number): Promise<number>; close(): void } {
  /** Every event seen per reference: when it arrived, and its JSON. */
  const seen = new Map<string, { at: number; data: string }[]>();
  const waiters = new Set<{ ref: string; match: RegExp; after: number; resolve: (at: number) => void }>();
  const stream = openSse(
    `${serverUrl}/trpc/events.onChange?input=${encodeURIComponent('{}')}`,
    { authorization: `Bearer ${token}` },
    (data) => {
      const at = Date.now();
      const ref = /"reference":"(INC-\d+)"/.exec(data)?.[1];
      if (!ref) return;
      seen.set(ref, [...(seen.get(ref) ?? []), { at, data }]);
      for (const w of waiters) {
        if (w.ref === ref && at >= w.after && w.match.test(data)) {
          waiters.delete(w);
          w.resolve(at);
        }
      }
    },
  );
  /** When the first event of `ref` matching `match` arrived at or after `after` (waits for it). */
  const eventAt = async (ref: string, match: RegExp, after: number): Promise<number> => {
    await stream.connected;
    const hit = seen.get(ref)?.find((e) => e.at >= after && match.test(e.data));
    if (hit) return hit.at;
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no live event of ${ref} matching ${match} within 20 s`)), 20_000);
      const done = (at: number) => {
        clearTimeout(timer);
        resolve(at);
      };
      waiters.add({ ref, match, after, resolve: done });
    });
  };
  return {
    firstEventAt: (ref) => eventAt(ref, /./, 0),
    eventAt,
    close: () => stream.close(),
  };
}
