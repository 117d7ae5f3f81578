// Tests that run INSIDE the VS Code extension host, against the Handoff extension's commands
// and the vscode API. Two runners use this file unchanged:
//  - @vscode/test-electron (`npm run test:electron`, machines that can download VS Code): its
//    extensionTestsPath module exports run(), compiled to e2e/host/dist/suite.js;
//  - code-server (`npm run test:vscode`): a companion test extension runs run() on a command
//    the Playwright harness triggers, and writes the results to a file.
// The server URL and tokens come from the environment the runner gives the extension host.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { HandoffTestApi } from '../../src/extension';

export interface HostResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set by the test runner`);
  return v;
};

async function until<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

export async function runHostTests(): Promise<HostResult[]> {
  const ext = vscode.extensions.getExtension<HandoffTestApi>('handoff.handoff-vscode');
  assert.ok(ext, 'the Handoff extension is installed');
  const api = ext.isActive ? ext.exports : await ext.activate();
  await api.ready;
  await vscode.workspace.getConfiguration('handoff').update('serverUrl', env('HANDOFF_TEST_SERVER_URL'), vscode.ConfigurationTarget.Global);

  const tests: [string, () => Promise<void>][] = [
    [
      'signs in with a developer token',
      async () => {
        const result = await api.session.signIn(env('HANDOFF_TEST_DEVELOPER_TOKEN'));
        assert.ok(result.ok, JSON.stringify(result));
        assert.equal(api.session.user?.role, 'developer');
      },
    ],
    [
      'rejects an agent token as the wrong role',
      async () => {
        const { validateToken } = await import('../../src/auth/session');
        const result = await validateToken(env('HANDOFF_TEST_SERVER_URL'), env('HANDOFF_TEST_AGENT_TOKEN'));
        assert.deepEqual(result.ok ? null : result.problem, 'wrongRole');
      },
    ],
    [
      'lists my teams’ incidents grouped by status',
      async () => {
        await api.store.refresh();
        const groups = api.trees.teams.getChildren();
        assert.ok(groups.length > 0, 'at least one status group');
        const labels = groups.flatMap((g) => api.trees.teams.getChildren(g)).map(labelOf);
        assert.ok(
          labels.some((l) => l.startsWith('INC-1001 ')),
          labels.join(' | '),
        );
        assert.ok(!labels.some((l) => l.includes('Invoice shows')), 'billing is not one of my teams');
      },
    ],
    [
      'opens another team’s incident by reference: its outline, nothing offered',
      async () => {
        const ref = await vscode.commands.executeCommand<string | undefined>('handoff.openIncident', 'inc 1002');
        assert.equal(ref, 'INC-1002');
        await until('INC-1002 rendered', () => api.panelTimings.find((t) => t.reference === 'INC-1002'));
        const view = await api.store.get('INC-1002');
        assert.equal(view.access, 'summary');
        const { NOTHING_OFFERED, offerFor } = await import('../../src/incidents/offer');
        assert.deepEqual(offerFor(api.session.user!, view), NOTHING_OFFERED);
      },
    ],
    [
      'refuses to assign another team’s incident; assigns one of my team’s through the command',
      async () => {
        const before = await api.session.client.incidents.byRef.query({ ref: 'INC-1002' });
        await vscode.commands.executeCommand('handoff.assignToMe', 'INC-1002');
        const after = await api.session.client.incidents.byRef.query({ ref: 'INC-1002' });
        assert.deepEqual([after.access, after.owner], ['summary', before.owner]);

        const { createHandoffClient } = await import('../../src/api/client');
        const agent = createHandoffClient(env('HANDOFF_TEST_SERVER_URL'), env('HANDOFF_TEST_AGENT_TOKEN'));
        const { reference, team } = await agent.incidents.create.mutate({
          idempotencyKey: randomUUID(),
          title: 'Dashboard loads slowly on Mondays',
          category: 'performance',
          product: 'Acme Cloud',
          customer: { name: 'Ken Ito' },
          crm: { system: 'other' },
          severity: 'low',
          answers: { what_slow: 'Dashboard, 20 s', usual_time: '2 s', since: 'Since 4.2' },
        });
        assert.equal(team, 'platform');
        await vscode.commands.executeCommand('handoff.assignToMe', reference);
        const mine = await api.session.client.incidents.byRef.query({ ref: reference });
        assert.deepEqual([mine.access, mine.owner?.name], ['full', 'Dev Dana']);
        await until(`Assigned to me lists ${reference}`, async () => {
          await api.store.refresh();
          return api.trees.assigned
            .getChildren()
            .map(labelOf)
            .some((l) => l.startsWith(`${reference} `));
        });
      },
    ],
    [
      'serves the steps as a handoff: Markdown document',
      async () => {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse('handoff:/INC-1001/steps.md'));
        assert.equal(doc.languageId, 'markdown');
        assert.match(doc.getText(), /2\. Sign in at Okta/);
      },
    ],
    [
      'links INC-1003 in Markdown to the incident, with a hover',
      async () => {
        const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'See INC-1003 for the export bug.' });
        const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
        const link = links.find((l) => l.target?.scheme === 'command');
        assert.ok(link, 'a command link');
        assert.equal(decodeURIComponent(link.target!.query), '["INC-1003"]');
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          doc.uri,
          new vscode.Position(0, 6),
        );
        const text = hovers
          .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
          .join('\n')
          .replace(/&nbsp;/g, ' '); // MarkdownString.appendText keeps spaces as &nbsp;
        assert.match(text, /Report export times out/);
        assert.match(text, /New · Dev Dana · high/);
      },
    ],
    [
      'links INC-1002 too; its hover says whose incident it is',
      async () => {
        const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Billing: INC-1002.' });
        const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
        assert.deepEqual(
          links.map((l) => decodeURIComponent(l.target!.query)),
          ['["INC-1002"]'],
        );
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          doc.uri,
          new vscode.Position(0, 12),
        );
        const text = hovers
          .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
          .join('\n')
          .replace(/&nbsp;/g, ' ');
        assert.match(text, /Invoice shows the old number of seats/);
        assert.match(
          text,
          /INC-1002 belongs to team billing and is owned by Lee Lead\. You see its summary only — ask its team or a lead\./,
        );
      },
    ],
    [
      'sends more calls at once than one batch may carry (the link splits them)',
      async () => {
        const { MAX_BATCH_SIZE } = await import('@handoff/shared');
        const client = api.session.client;
        const views = await Promise.all(
          Array.from({ length: MAX_BATCH_SIZE + 5 }, () => client.incidents.byRef.query({ ref: 'INC-1003' })),
        );
        assert.deepEqual([...new Set(views.map((v) => `${v.reference}:${v.access}`))], ['INC-1003:full']);
        assert.equal(views.length, MAX_BATCH_SIZE + 5);
      },
    ],
    [
      'resumes live events from the last event id after a disconnect',
      async () => {
        const { createHandoffClient } = await import('../../src/api/client');
        const lead = createHandoffClient(env('HANDOFF_TEST_SERVER_URL'), env('HANDOFF_TEST_LEAD_TOKEN'));
        const seen: string[] = [];
        const sub = api.live.onEvent((e) => seen.push(`${e.reference}:${e.kind}:${e.access === 'full' ? e.text : ''}`));
        try {
          // connected: a comment arrives live
          await lead.incidents.comment.mutate({ ref: 'INC-1003', text: 'while connected' });
          await until('the live comment', () => seen.some((s) => s.includes('while connected')));
          // disconnected: what happens meanwhile arrives on reconnect, from the stored last id
          api.live.stop();
          await lead.incidents.comment.mutate({ ref: 'INC-1003', text: 'while disconnected' });
          await new Promise((r) => setTimeout(r, 300));
          assert.ok(!seen.some((s) => s.includes('while disconnected')), 'nothing arrives while stopped');
          api.live.start();
          await until('the missed comment after reconnecting', () => seen.some((s) => s.includes('while disconnected')));
          assert.equal(seen.filter((s) => s.includes('while connected')).length, 1, 'no event is delivered twice');
        } finally {
          sub.dispose();
        }
      },
    ],
    [
      'resumes live release events (feedback) from the last event id after a disconnect',
      async () => {
        const { createHandoffClient } = await import('../../src/api/client');
        const lead = createHandoffClient(env('HANDOFF_TEST_SERVER_URL'), env('HANDOFF_TEST_LEAD_TOKEN'));
        const version = `9.0.${Date.now()}`;
        const seen: string[] = [];
        const sub = api.releases.onEvent((e) => seen.push(`${e.version}:${e.kind}`));
        try {
          await lead.releases.create.mutate({ version, plannedDate: '2027-01-15', knownIssues: ['host suite'] });
          await until('the live "created" event', () => seen.includes(`${version}:created`));
          api.releases.stop();
          await lead.releases.feedback.mutate({ version, verdict: 'concern', text: 'given while disconnected' });
          await new Promise((r) => setTimeout(r, 300));
          assert.ok(!seen.includes(`${version}:feedback`), 'nothing arrives while stopped');
          api.releases.start();
          await until('the missed feedback after reconnecting', () => seen.includes(`${version}:feedback`));
          assert.equal(seen.filter((s) => s === `${version}:created`).length, 1, 'no event is delivered twice');
          const release = await until('the release with its feedback in the store', () =>
            api.releases.releases.find((r) => r.version === version && r.feedback.length === 1),
          );
          assert.equal(release.feedback[0]!.text, 'given while disconnected');
        } finally {
          sub.dispose();
        }
      },
    ],
  ];

  const results: HostResult[] = [];
  for (const [name, fn] of tests) {
    const t0 = Date.now();
    try {
      await fn();
      results.push({ name, ok: true, ms: Date.now() - t0 });
    } catch (err) {
      results.push({ name, ok: false, ms: Date.now() - t0, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  }
  return results;
}

/** @vscode/test-electron entry point: throws when any test failed. */
export async function run(): Promise<void> {
  const results = await runHostTests();
  for (const r of results) console.log(`${r.ok ? '✓' : '✗'} ${r.name} (${r.ms} ms)${r.error ? `\n${r.error}` : ''}`);
  const failed = results.filter((r) => !r.ok);
  if (failed.length) throw new Error(`${failed.length} in-host test(s) failed`);
}
