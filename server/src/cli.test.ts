import { statSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnServer } from './cliProcess.testutil.js';
import { type TestDatabase, createTestDatabase } from './testing.js';

// Every test here starts the CLI as its own process, several times: seconds each on a loaded machine.
describe('handoff-server CLI', { timeout: 90_000 }, () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('runs through npx from the workspace root with --help', () => {
    const out = execFileSync('npx', ['--no-install', 'handoff-server', '--help'], {
      cwd: new URL('../..', import.meta.url),
      encoding: 'utf8',
    });
    expect(out).toMatch(/Usage: handoff-server/);
    expect(out).toMatch(/start/);
    expect(out).toMatch(/user/);
  });

  it('adds a user and prints the token alone on the last line; the token works', async () => {
    const db = await createTestDatabase('sqlite');
    dbs.push(db);
    const server = await spawnServer(['--data-dir', db.dataDir, '--demo']);
    try {
      const res = await runCli([
        'user',
        'add',
        '--name',
        'Nina Dev',
        '--role',
        'developer',
        '--team',
        'platform',
        '--data-dir',
        db.dataDir,
      ]);
      expect(res.code).toBe(0);
      const token = res.stdout.trim().split('\n').at(-1)!;
      expect(token).toMatch(/^hnd_[\w-]+$/);
      const me = await fetch(`${server.url}/trpc/auth.whoami`, { headers: { authorization: `Bearer ${token}` } });
      expect(await me.json()).toMatchObject({ result: { data: { name: 'Nina Dev', role: 'developer', teams: ['platform'] } } });
    } finally {
      server.child.kill();
    }
  });

  it('prints the same working demo tokens on every start with the same data directory', async () => {
    const db = await createTestDatabase('sqlite');
    dbs.push(db);
    const stopped = (s: Awaited<ReturnType<typeof spawnServer>>) =>
      new Promise<void>((resolve) => {
        s.child.once('exit', () => resolve());
        s.child.kill('SIGTERM');
      });
    const first = await spawnServer(['--data-dir', db.dataDir, '--demo']);
    await stopped(first);
    const second = await spawnServer(['--data-dir', db.dataDir, '--demo']);
    try {
      expect(Object.keys(second.tokens)).toEqual(['agent', 'reviewer', 'developer', 'lead', 'admin']);
      expect(second.tokens).toEqual(first.tokens);
      const file = path.join(db.dataDir, 'demo-tokens.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      for (const [role, token] of Object.entries(second.tokens)) {
        const me = await fetch(`${second.url}/trpc/auth.whoami`, { headers: { authorization: `Bearer ${token}` } });
        expect(((await me.json()) as { result: { data: { role: string } } }).result.data.role).toBe(role);
      }
      expect(second.output()).toContain(`Staff console: ${second.url}/console/`);
      expect(second.output()).toContain('extension-browser/.output/firefox-mv3/manifest.json');
      // A wrong token on a demo server says where the right ones are.
      const wrong = await fetch(`${second.url}/trpc/auth.whoami`, { headers: { authorization: 'Bearer hnd_wrong' } });
      expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain(
        `This is a demo server: use a token it printed when it started (they stay the same across restarts; also in ${path.resolve(file)}).`,
      );
      // Empty input works as pasted: a list with nothing to filter needs no ?input=.
      const list = await fetch(`${second.url}/trpc/incidents.list`, { headers: { authorization: `Bearer ${second.tokens.developer}` } });
      expect(list.status).toBe(200);
    } finally {
      await stopped(second);
    }
  });

  it('creates the teams a new user names with --create-teams, and says so when the flag is missing', async () => {
    const db = await createTestDatabase('sqlite');
    dbs.push(db);
    const args = ['user', 'add', '--name', 'Nora New', '--role', 'lead', '--team', 'payments', '--data-dir', db.dataDir];
    const refused = await runCli(args);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      'handoff-server: team: unknown team "payments". Known teams: none yet. Add --create-teams to create it, or create it in the staff console (Administration → Teams).',
    );
    const added = await runCli([...args, '--create-teams']);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Created team payments');
    expect(added.stdout).toContain('Added Nora New (lead, teams payments). Token:');
  });

  it('explains a bad flag', async () => {
    const flag = await runCli(['start', '--prot', '80']);
    expect(flag.code).not.toBe(0);
    expect(flag.stderr).toMatch(/unknown option '--prot'/);
  });

  it('explains a bad role and an unknown team', async () => {
    const db = await createTestDatabase('sqlite');
    dbs.push(db);
    const role = await runCli(['user', 'add', '--name', 'X', '--role', 'boss', '--data-dir', db.dataDir]);
    expect(role.stderr).toMatch(/Allowed choices are agent, reviewer, developer, lead, admin/);
    const team = await runCli(['user', 'add', '--name', 'X', '--role', 'agent', '--team', 'ghosts', '--data-dir', db.dataDir]);
    expect(team.code).toBe(1);
    expect(team.stderr).toMatch(/team: unknown team "ghosts"/);
  });

  it('explains a port in use and refuses a second server on one data directory, while the CLI works beside it', async () => {
    const db = await createTestDatabase('sqlite');
    dbs.push(db);
    const first = await spawnServer(['--data-dir', db.dataDir]);
    try {
      const port = new URL(first.url).port;
      const other = await createTestDatabase('sqlite');
      dbs.push(other);
      const busy = await runCli(['start', '--port', port, '--data-dir', other.dataDir]);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(new RegExp(`Port ${port} .* already in use`));
      // A second server on the same data directory is refused at once, in one line.
      const twice = await runCli(['start', '--port', '0', '--data-dir', db.dataDir]);
      expect(twice.code).toBe(1);
      expect(twice.stderr.trim()).toBe(
        `handoff-server: Another Handoff server is already using the data directory ${path.resolve(db.dataDir)}: stop it first, or start this one with another --data-dir.`,
      );
      // Command-line tools still work beside the running server.
      const added = await runCli(['user', 'add', '--name', 'Beside', '--role', 'agent', '--data-dir', db.dataDir]);
      expect(added.code).toBe(0);
    } finally {
      first.child.kill();
    }
  });

  it('explains an unreachable database without showing its password', async () => {
    const pg = await runCli(['start', '--database-url', 'postgres://nobody:secret@127.0.0.1:1/none']);
    expect(pg.code).toBe(1);
    expect(pg.stderr).toMatch(/Cannot reach PostgreSQL at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/);
    expect(pg.stderr).not.toMatch(/secret/);
  });

  it("makes customers' page links under --public-url and explains a bad one", async () => {
    const bad = await runCli(['start', '--public-url', 'support.example.com']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/"support\.example\.com" is not a URL such as https:\/\/support\.example\.com/);
    const db = await createTestDatabase('sqlite');
    dbs.push(db);
    const server = await spawnServer(['--data-dir', db.dataDir, '--demo', '--public-url', 'https://help.example.com/']);
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${server.url}/trpc/${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.tokens.agent}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json() as Promise<{ result: { data: Record<string, unknown> } }>);
      const list = await fetch(`${server.url}/trpc/incidents.list?input=${encodeURIComponent('{"limit":1}')}`, {
        headers: { authorization: `Bearer ${server.tokens.agent}` },
      }).then((r) => r.json() as Promise<{ result: { data: { items: { reference: string }[] } } }>);
      const ref = list.result.data.items[0]!.reference;
      const shared = await post('incidents.share', { ref });
      expect(shared.result.data.url).toMatch(/^https:\/\/help\.example\.com\/c\/[A-Za-z0-9_-]{43}$/);
      expect(server.output()).not.toContain(String(shared.result.data.url).split('/c/')[1]);
    } finally {
      server.child.kill();
    }
  });
});
