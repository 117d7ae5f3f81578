import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../bin/handoff-server.js', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  tokens: Record<string, string>;
  output: () => string;
}

/** Starts `handoff-server start` in a child process and waits until it prints its URL. */
export async function spawnServer(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, 'start', '--port', '0', ...args], { env: { ...process.env, ...env } });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const until = Date.now() + 30_000;
  while (!/listening on (\S+)/.test(out) || (args.includes('--demo') && !/^ {2}admin /m.test(out))) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${out}`);
    if (Date.now() > until) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const tokens: Record<string, string> = {};
  for (const m of out.matchAll(/^ {2}(\w+) +(hnd_\S+)$/gm)) tokens[m[1]!] = m[2]!;
  return { child, url: /listening on (\S+)/.exec(out)![1]!, tokens, output: () => out };
}

/** Runs the CLI to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
