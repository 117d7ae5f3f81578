// Companion extension installed only into the test VS Code (code-server): runs the in-host
// suite when the harness invokes its command, and writes the results where the harness reads them.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { runHostTests } from './suite';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('handoffTests.run', async () => {
      const results = await runHostTests().catch((err: unknown) => [{ name: 'suite', ok: false, ms: 0, error: String(err) }]);
      writeFileSync(process.env.HANDOFF_TEST_RESULTS ?? '/tmp/handoff-host-results.json', JSON.stringify(results, null, 2));
    }),
  );
}
