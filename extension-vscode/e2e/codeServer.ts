import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
// @ts-expect-error — plain .mjs helper shared with the command line (no type declarations)
import { ensureCodeServer } from '../scripts/ensureCodeServer.mjs';

export interface CodeServer {
  url: string;
  userDataDir: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a real VS Code (code-server) with its own user data and extensions folders, the given
 * .vsix installed and user settings written, on a free local port without auth.
 */
export async function startCodeServer(opts: {
  dir: string;
  vsix: string[];
  settings: Record<string, unknown>;
  /** Extra environment for the extension host (code-server passes its own on). */
  env?: Record<string, string>;
}): Promise<CodeServer> {
  const { node, codeServer } = ensureCodeServer() as { node: string; codeServer: string };
  const userDataDir = join(opts.dir, 'user-data');
  const extensionsDir = join(opts.dir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(opts.settings, null, 2));
  const configFile = join(opts.dir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\n');
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  for (const vsix of opts.vsix) execFileSync(node, [codeServer, ...common, '--install-extension', vsix, '--force'], { stdio: 'pipe' });

  const port = await freePort();
  const child: ChildProcess = spawn(
    node,
    [
      codeServer,
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...opts.env, XDG_CONFIG_HOME: join(opts.dir, 'xdg-config'), XDG_DATA_HOME: join(opts.dir, 'xdg-data') },
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not start in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    userDataDir,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
