import { outboxFolder } from './mail/mailScheduler.js';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ROLES, type Role, SlugSchema, VISIBILITIES } from '@handoff/shared';
import { addSlaCommands } from './cliSla.js';
import { addCustomerCommands } from './customerCli.js';
import path from 'node:path';
import type { Services } from './context.js';
import { DEMO_TOKEN_FILE } from './demo.js';
import { COMMAND_LINE, recordAudit } from './store/admin.js';
import { badRequest } from './store/errors.js';
import { DataDirInUseError } from './store/dataDirLock.js';
import { DatabaseUnavailableError } from './store/open.js';
import { PortInUseError, openServices, startServer } from './server.js';

const demoTokenFile = (dataDir: string | undefined) => path.resolve(dataDir ?? './data', DEMO_TOKEN_FILE);

/** A team named after its id, recorded in the audit log as made by the command line. */
async function createTeam(services: Services, id: string): Promise<void> {
  await services.store.write(async (trx) => {
    const saved = await services.store.upsertTeam({ id, name: id }, trx);
    await recordAudit(trx, COMMAND_LINE, 'team.upsert', `team ${id}`, null, saved);
  });
  console.log(`Created team ${id} (rename it in the staff console: Administration → Teams).`);
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('Use a port number from 0 to 65535.');
  return n;
}
function days(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 36_500) throw new InvalidArgumentError('Use a whole number of days from 1 to 36500.');
  return n;
}
function team(value: string, previous: string[] = []): string[] {
  const parsed = SlugSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(`"${value}" is not a team id (lower-case letters, digits and dashes).`);
  return [...previous, parsed.data];
}

function publicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(`"${value}" is not a URL such as https://support.example.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidArgumentError('Use an http:// or https:// address.');
  if (url.search || url.hash) throw new InvalidArgumentError('Give the address without ?query or #fragment.');
  return url.href.replace(/\/+$/, '');
}
function smtpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(`"${value}" is not an SMTP URL such as smtp://user:password@mail.example.com:587.`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new InvalidArgumentError('Use an smtp:// or smtps:// address.');
  return value;
}
function shareDays(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 3650) throw new InvalidArgumentError('Use a whole number of days from 0 to 3650.');
  return n;
}

/** Origins from repeated flags or a comma-separated environment variable. */
function origins(value: string, previous: string[] = []): string[] {
  const list = value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const o of list) {
    if (!/^[a-z][a-z0-9+.-]*:\/\/(\*|[^/\s*]+)$/i.test(o)) {
      throw new InvalidArgumentError(`"${o}" is not an origin such as https://console.example.com or chrome-extension://<id>.`);
    }
  }
  return [...previous, ...list];
}

const storeOptions = (cmd: Command) =>
  cmd
    .addOption(new Option('--data-dir <dir>', 'folder of the embedded SQLite store').env('HANDOFF_DATA_DIR').default('./data'))
    .addOption(new Option('--database-url <url>', 'use PostgreSQL instead of SQLite').env('DATABASE_URL'));

export function buildCli(): Command {
  const program = new Command('handoff-server')
    .description('Handoff server: incidents from L1 support to developers, over tRPC.')
    .showHelpAfterError('(run with --help for usage)');

  storeOptions(
    program
      .command('start')
      .description('start the server (migrates the store first)')
      .addOption(new Option('--port <port>', 'port to listen on').env('PORT').default(4100).argParser(port))
      .addOption(new Option('--host <host>', 'address to listen on').env('HOST').default('127.0.0.1'))
      .addOption(new Option('--ref-prefix <prefix>', 'prefix of incident references').env('HANDOFF_REF_PREFIX').default('INC'))
      .addOption(
        new Option('--visibility <mode>', 'team: other teams see a summary only; open: everyone sees everything')
          .choices(VISIBILITIES as unknown as string[])
          .env('HANDOFF_VISIBILITY')
          .default('team'),
      )
      .addOption(
        new Option(
          '--allowed-origin <origin>',
          'a web origin allowed to call the API (repeatable; replaces the default: browser extensions)',
        )
          .env('HANDOFF_ALLOWED_ORIGINS')
          .argParser(origins),
      )
      .addOption(
        new Option('--retention-days <days>', "erase customers' personal data of incidents closed longer than this (off by default)")
          .env('HANDOFF_RETENTION_DAYS')
          .argParser(days),
      )
      .addOption(
        new Option('--public-url <url>', "the address customers' page links use (when the server sits behind a proxy)")
          .env('HANDOFF_PUBLIC_URL')
          .argParser(publicUrl),
      )
      .addOption(
        new Option('--share-days <days>', "days a customer's page link keeps working after its incident closed")
          .env('HANDOFF_SHARE_DAYS')
          .default(30)
          .argParser(shareDays),
      )
      .addOption(
        new Option(
          '--smtp-url <url>',
          "SMTP server for customers' e-mail updates, e.g. smtp://user:pass@mail.example.com:587 (without it mails are written to <data dir>/outbox and the page says e-mail updates are off)",
        )
          .env('HANDOFF_SMTP_URL')
          .argParser(smtpUrl),
      )
      .addOption(
        new Option('--mail-from <address>', 'sender of those mails, e.g. "Support <support@example.com>"').env('HANDOFF_MAIL_FROM'),
      )
      .option('--demo', 'seed teams, templates, users and incidents, and print the demo tokens'),
  ).action(async (opts) => {
    const server = await startServer({
      port: opts.port,
      host: opts.host,
      dataDir: opts.dataDir,
      databaseUrl: opts.databaseUrl,
      refPrefix: opts.refPrefix,
      demo: Boolean(opts.demo),
      visibility: opts.visibility,
      allowedOrigins: opts.allowedOrigin,
      retentionDays: opts.retentionDays,
      publicUrl: opts.publicUrl,
      shareDaysAfterClose: opts.shareDays,
      smtpUrl: opts.smtpUrl,
      ...(opts.mailFrom ? { mail: { from: opts.mailFrom } } : {}),
    });
    const store = server.services.store;
    console.log(`Handoff server listening on ${server.url} (store: ${store.engine} at ${store.location})`);
    console.log(
      opts.smtpUrl
        ? 'E-mail updates: sent through the SMTP server given by --smtp-url.'
        : `E-mail updates are off (no --smtp-url): mails are written to ${outboxFolder(opts.dataDir)} and customers' pages say so.`,
    );
    if (opts.retentionDays) {
      console.log(`Retention: customers' personal data is erased from incidents closed more than ${opts.retentionDays} days ago.`);
    }
    console.log(`Staff console: ${server.url}/console/   API: ${server.url}/trpc`);
    if (server.demoTokens) {
      console.log(
        `\nDemo users and their tokens (the same on every start with this data directory; also in ${demoTokenFile(opts.dataDir)}):`,
      );
      for (const [role, token] of Object.entries(server.demoTokens)) console.log(`  ${role.padEnd(10)} ${token}`);
      console.log(
        [
          '',
          'Browser extension (agents):',
          '  Chromium/Chrome/Edge: open chrome://extensions, turn on Developer mode, "Load unpacked": extension-browser/.output/chrome-mv3',
          '  Firefox: open about:debugging → This Firefox → "Load Temporary Add-on…": extension-browser/.output/firefox-mv3/manifest.json',
          '  In its options enter this server URL and the agent token.',
          'VS Code (developers): npm run package -w handoff-vscode, then code --install-extension extension-vscode/dist/handoff-vscode.vsix;',
          '  run "Handoff: Sign In" with this server URL and the developer token.',
          `Staff console (leads, admins): ${server.url}/console/ — sign in with the lead or admin token.`,
        ].join('\n'),
      );
    }
    const stop = () => {
      console.log('Stopping…');
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

  const user = program.command('user').description('manage users');
  storeOptions(
    user
      .command('add')
      .description('add a user; prints the new token alone on the last line')
      .requiredOption('--name <name>', "the user's name")
      .addOption(new Option('--role <role>', 'the role').choices(ROLES as unknown as string[]).makeOptionMandatory())
      .option('--team <team>', 'a team the user belongs to (repeatable)', team, [])
      .option('--create-teams', 'create the teams named with --team that do not exist yet (named after their id)'),
  ).action(async (opts) => {
    const services = await openServices({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl });
    try {
      const known = new Set((await services.store.listTeams()).map((t) => t.id));
      const missing = (opts.team as string[]).filter((t) => !known.has(t));
      if (missing.length && !opts.createTeams) {
        const list = [...known].join(', ') || 'none yet';
        throw badRequest(
          `team: unknown team "${missing[0]}". Known teams: ${list}. Add --create-teams to create it, or create it in the staff console (Administration → Teams).`,
        );
      }
      for (const id of missing) await createTeam(services, id);
      const { user: added, token } = await services.admin.addUser(
        { name: opts.name, role: opts.role as Role, teams: opts.team },
        COMMAND_LINE,
      );
      console.log(`Added ${added.name} (${added.role}${added.teams.length ? `, teams ${added.teams.join(', ')}` : ''}). Token:`);
      console.log(token);
    } finally {
      await services.close();
    }
  });
  addSlaCommands(program, storeOptions);
  addCustomerCommands(program, storeOptions);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    // Known failures get one clear line; anything else keeps its stack for a bug report.
    const known =
      PortInUseError.is(err) ||
      DatabaseUnavailableError.is(err) ||
      DataDirInUseError.is(err) ||
      (err as { code?: string }).code === 'BAD_REQUEST';
    console.error(`handoff-server: ${known ? (err as Error).message : ((err as Error).stack ?? String(err))}`);
    process.exit(1);
  }
}
