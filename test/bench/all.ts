import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * `npm run bench [-- --engine sqlite|postgres]`: the main benchmark (run.js) on the chosen engine
 * (both by default), then the service-level, erasure and insights benchmarks (insights on the same
 * engines). Each runs in its own process, so one's memory and timers do not colour the next.
 */
const { values } = parseArgs({ options: { engine: { type: 'string', default: 'both' } } });
const here = path.dirname(fileURLToPath(import.meta.url));
const engines = values.engine === 'both' ? 'sqlite,postgres' : values.engine!;
const steps: [string, string[], Record<string, string>][] = [
  ['run.js', ['--engine', values.engine!], {}],
  ['sla.js', [], {}],
  ['erasure.js', [], {}],
  ['insightsRun.js', [], { BENCH_ENGINES: engines }],
];
for (const [file, args, env] of steps) {
  const { status } = spawnSync(process.execPath, [path.join(here, file), ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
  if (status !== 0) process.exit(status ?? 1);
}
