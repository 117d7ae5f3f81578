// Runs the in-host suite (e2e/host/suite.ts) in a downloaded VS Code via @vscode/test-electron,
// for machines that can download VS Code (this repository's CI machine cannot; it uses
// code-server, see e2e/). Starts a real Handoff server with demo data first.
// Usage: npm run test:electron   (builds the extension and the suite, then runs this)
// @vscode/test-electron is not a declared dependency (it is useless where VS Code cannot be
// downloaded, e.g. our CI); install it first: npm install --no-save @vscode/test-electron@2
import { startServer } from '@handoff/server';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const { runTests } = await import('@vscode/test-electron').catch(() => {
  console.error('Install @vscode/test-electron first: npm install --no-save @vscode/test-electron@2');
  process.exit(2);
});
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'handoff-vscode-electron-'));
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), demo: true });
const workspace = join(dir, 'workspace');
execFileSync('git', ['init', '-q', workspace]);
let code = 0;
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'e2e', 'host', 'dist', 'suite.js'),
    launchArgs: [workspace, '--disable-workspace-trust', '--user-data-dir', join(dir, 'user-data')],
    extensionTestsEnv: {
      HANDOFF_TEST_SERVER_URL: server.url,
      HANDOFF_TEST_DEVELOPER_TOKEN: server.demoTokens.developer,
      HANDOFF_TEST_AGENT_TOKEN: server.demoTokens.agent,
      HANDOFF_TEST_LEAD_TOKEN: server.demoTokens.lead,
    },
  });
} catch (err) {
  console.error(err);
  code = 1;
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
