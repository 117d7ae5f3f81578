import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type Role, RoleSchema, type User } from '@handoff/shared';
import { z } from 'zod';
import type { Services } from './context.js';
import { seedDemoSla } from './demoSla.js';
import { DEMO_TEMPLATES } from './demoTemplates.js';

const TEAMS = [
  { id: 'accounts', name: 'Accounts & sign-in' },
  { id: 'billing', name: 'Billing' },
  { id: 'platform', name: 'Platform' },
  { id: 'mobile', name: 'Mobile apps' },
];
const RULES = [
  { category: 'login', team: 'accounts' },
  { category: 'billing', team: 'billing' },
  { category: 'performance', team: 'platform' },
  { category: 'installation', team: 'platform' },
  { category: 'data', team: 'platform' },
  { category: 'integration', team: 'platform' },
  { category: 'crash', team: 'platform' },
  { component: 'iOS app', team: 'mobile' },
  { component: 'Android app', team: 'mobile' },
];
/** Where a demo server keeps its users' tokens, in its data directory. */
export const DEMO_TOKEN_FILE = 'demo-tokens.json';

const DemoTokensSchema = z.partialRecord(RoleSchema, z.string().max(200));

export const DEMO_USERS: { role: Role; name: string; teams: string[] }[] = [
  { role: 'agent', name: 'Alice Agent', teams: ['accounts'] },
  { role: 'reviewer', name: 'Rita Reviewer', teams: ['accounts'] },
  { role: 'developer', name: 'Dev Dana', teams: ['platform', 'accounts'] },
  { role: 'lead', name: 'Lee Lead', teams: ['platform', 'accounts', 'billing'] },
  { role: 'admin', name: 'Ada Admin', teams: [] },
];

/**
 * Seeds teams, routing, templates, users and a few incidents into an empty store. On a store
 * that has them already, it prints the same tokens again when `tokenFile` (kept in the data
 * directory, readable by its owner only) still holds working ones — so extensions configured
 * with them keep working across restarts — and issues new ones only for users whose token no
 * longer works (only hashes are in the store, so a lost token cannot be printed again).
 */
export async function seedDemo(services: Services, opts: { tokenFile?: string } = {}): Promise<Record<Role, string>> {
  const { store } = services;
  const existing = await store.listUsers();
  const tokens = existing.some((u) => u.name === DEMO_USERS[0]!.name)
    ? await demoTokensAgain(store, existing, opts.tokenFile)
    : await seedEmptyStore(services);
  if (opts.tokenFile) writeTokenFile(opts.tokenFile, tokens);
  return tokens;
}

async function demoTokensAgain(store: Services['store'], existing: User[], tokenFile: string | undefined): Promise<Record<Role, string>> {
  const kept = tokenFile ? readTokenFile(tokenFile) : {};
  const tokens = {} as Record<Role, string>;
  for (const d of DEMO_USERS) {
    const user = existing.find((u) => u.name === d.name);
    const old = kept[d.role];
    if (user && old && (await store.userByToken(old))?.id === user.id) tokens[d.role] = old;
    else tokens[d.role] = user ? await store.resetToken(user.id) : (await store.addUser(d)).token;
  }
  return tokens;
}

function readTokenFile(file: string): Partial<Record<Role, string>> {
  if (!existsSync(file)) return {};
  try {
    const parsed = DemoTokensSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {}; // unreadable: new tokens are issued and the file is written again
  }
}

function writeTokenFile(file: string, tokens: Record<Role, string>): void {
  writeFileSync(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // also when the file existed with wider permissions
}

async function seedEmptyStore(services: Services): Promise<Record<Role, string>> {
  const { store, incidents } = services;
  const tokens = {} as Record<Role, string>;
  for (const t of TEAMS) await store.upsertTeam(t);
  for (const r of RULES) await store.addRoutingRule(r);
  for (const t of DEMO_TEMPLATES) await store.upsertTemplate(t);
  await seedDemoSla(services);
  const users = new Map<Role, Awaited<ReturnType<typeof store.addUser>>>();
  for (const d of DEMO_USERS) {
    const added = await store.addUser(d);
    users.set(d.role, added);
    tokens[d.role] = added.token;
  }
  const agent = users.get('agent')!.user;
  const base = {
    product: 'Acme Cloud',
    environment: { os: 'Windows 11', browser: 'Chrome 130' },
    crm: { system: 'zendesk', ticketId: '4821', url: 'https://acme.zendesk.com/agent/tickets/4821' },
    reproducedByAgent: false,
    attachments: [],
  };
  await incidents.create(
    {
      ...base,
      idempotencyKey: randomUUID(),
      title: 'SSO login loops back to the sign-in page',
      description: 'After the 4.2 update, users who sign in with Okta return to the sign-in page instead of the dashboard.',
      category: 'login',
      version: '4.2.0',
      component: 'Web app',
      answers: {
        error_message: 'No message, the page reloads',
        sso: 'SSO',
        identity_provider: 'Okta: "invalid audience" for the Acme app',
        other_browser: 'no',
        scope: 'Everyone',
      },
      customer: { name: 'Maria Lopez', email: 'maria@northwind.example', org: 'Northwind' },
      steps: [
        { action: 'Open https://app.acme.example and click "Sign in with SSO"' },
        { action: 'Sign in at Okta', expected: 'Dashboard opens', actual: 'Back on the sign-in page' },
      ],
      severity: 'high',
      workaround: 'Sign in with a password reset link',
    },
    agent,
  );
  await incidents.create(
    {
      ...base,
      idempotencyKey: randomUUID(),
      title: 'Invoice shows the old number of seats after downgrade',
      description: 'Customer went from 25 to 10 seats on 3 Nov; the December invoice still charges 25.',
      category: 'billing',
      version: '4.2.0',
      answers: {
        invoice_id: 'INV-2026-1188',
        amount_expected: '10 seats × 12 € = 120 €, charged 300 €',
        payment_method: 'Card',
        plan_change: 'yes',
      },
      customer: { name: 'Tom Becker', email: 'tom@contoso.example', org: 'Contoso' },
      crm: { system: 'freshdesk', ticketId: '913' },
      steps: [{ action: 'Open Billing → Invoices → INV-2026-1188', expected: '10 seats', actual: '25 seats' }],
      severity: 'medium',
    },
    agent,
  );
  await incidents.create(
    {
      ...base,
      idempotencyKey: randomUUID(),
      title: 'Report export times out for large projects',
      description:
        'Exporting the yearly report spins for a minute and ends with "Gateway timeout". Stack: ReportExporter.render at exporter.ts:212',
      category: 'performance',
      version: '4.1.3',
      answers: { what_slow: 'Reports → Export yearly, over 60 s then 504', usual_time: 'About 10 s in October', since: 'Since 4.1.3' },
      customer: { name: 'Ken Ito', org: 'Fabrikam' },
      steps: [{ action: 'Reports → Yearly → Export as PDF', expected: 'PDF downloads', actual: '504 Gateway timeout after 60 s' }],
      severity: 'high',
    },
    agent,
  );
  return tokens;
}
