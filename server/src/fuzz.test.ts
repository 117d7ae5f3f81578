import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from './routers/_app.js';
import { type RunningServer, startServer } from './server.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from './testing.js';

/**
 * Every procedure's input, from a valid example, bent by fast-check into what a careless or
 * hostile client sends: control characters (NUL), numbers past 32 bits, negative and fractional
 * ids, huge strings, prototype keys, wrong types, missing and extra fields — and wholly arbitrary
 * JSON. Sent over real HTTP to a server on each engine. No answer may be a 5xx, and every
 * rejection of what was sent must say which field is wrong.
 */

const REF = 'INC-1001';
const INSIGHT_FILTER = {
  from: '2026-01-01',
  to: '2026-12-31',
  team: 'accounts',
  product: 'Acme Cloud',
  version: '4.2.0',
  category: 'login',
};
const VALID: Record<string, unknown> = {
  'auth.whoami': undefined,
  'users.list': undefined,
  'users.add': { name: 'Fuzzy', role: 'agent', teams: ['accounts'] },
  'users.accounts': undefined,
  'users.update': { id: 2, role: 'developer', teams: ['accounts'] },
  'users.deactivate': { id: 2 },
  'users.reactivate': { id: 2 },
  'users.mailSettings': { userId: 2 },
  'users.setMailSettings': { userId: 2, email: 'dev@example.com', mode: 'teams', lang: 'de' },
  'tokens.list': { userId: 2, includeRevoked: true },
  'tokens.issue': { userId: 2, label: 'laptop' },
  'tokens.revoke': { id: 2 },
  'tokens.rotate': { id: 3 },
  'audit.list': { limit: 10, beforeId: 100, action: 'user.add' },
  'incidents.create': {
    ...sampleIncident(),
    recording: {
      title: 'Pay fails',
      steps: [
        { type: 'navigate', url: 'http://shop.test/checkout' },
        {
          type: 'click',
          selectors: [['aria/Pay now[role="button"]']],
          offsetX: 1,
          offsetY: 2,
          handoff: { failing: true, expected: 'Order confirmed' },
        },
      ],
    },
  },
  'incidents.byRef': { ref: REF },
  'incidents.timeline': { ref: REF, beforeId: 100 },
  'incidents.list': { team: 'accounts', owner: 'me', status: ['new'], limit: 10 },
  'incidents.search': { text: 'login fails', limit: 5 },
  'incidents.attachment': { ref: REF, id: 1 },
  'incidents.recording': { ref: REF },
  'incidents.update': { ref: REF, patch: { severity: 'low', environment: { os: 'macOS' } } },
  'incidents.assign': { ref: REF, owner: 'me', team: 'accounts' },
  'incidents.comment': { ref: REF, text: 'A note' },
  'incidents.addAffectedCustomer': {
    ref: REF,
    idempotencyKey: '3b241101-e2bb-4255-8caf-4136c566a962',
    customer: { name: 'Bob', email: 'bob@example.com' },
    crm: { system: 'zendesk', ticketId: '7' },
  },
  'incidents.transition': { ref: REF, to: 'in_progress', reason: 'Looking' },
  'incidents.ask': { ref: REF, question: 'Which browser?', to: 3 },
  'incidents.answer': { ref: REF, answer: 'Firefox' },
  'incidents.reproduction': { ref: REF, result: 'reproduced', notes: '', environment: { os: 'Linux' } },
  'incidents.recordBranch': { ref: REF, branch: 'fix/login' },
  'incidents.linkDuplicate': { ref: REF, of: 'INC-1002' },
  'templates.list': undefined,
  'templates.upsert': {
    category: 'login',
    label: 'Sign-in',
    questions: [
      { id: 'when', text: 'When did it start?', why: 'Dates releases', required: true, kind: 'yesno' },
      {
        id: 'since',
        text: 'Since which day?',
        why: 'Dates releases',
        required: false,
        kind: 'text',
        showIf: { question: 'when', equals: ['yes'] },
      },
    ],
  },
  'templates.version': { category: 'login', version: 1 },
  'templates.history': { category: 'login' },
  'teams.list': undefined,
  'teams.upsert': { id: 'accounts', name: 'Accounts' },
  'routing.list': undefined,
  'routing.add': { category: 'login', team: 'accounts' },
  'routing.remove': { id: 1 },
  'routing.suggest': { category: 'login' },
  'catalog.products': undefined,
  'events.onChange': { ref: REF, lastEventId: '0' },
  'releases.create': { version: '9.0.0', plannedDate: '2026-12-01', fixes: [REF] },
  'releases.list': { status: 'planned' },
  'releases.byVersion': { version: '9.0.0' },
  'releases.feedback': { version: '9.0.0', verdict: 'concern', text: 'Hmm' },
  'releases.ship': { version: '9.0.0' },
  'releases.onChange': { lastEventId: '0' },
  'insights.onUpgradeWarning': { lastEventId: '0' },
  'incidents.escalate': { ref: REF, reason: 'Needs the technical team' },
  'incidents.deescalate': { ref: REF, reason: 'Back to the helpdesk' },
  'sla.calendars.list': undefined,
  'sla.calendars.upsert': {
    id: 'office',
    name: 'Office',
    timeZone: 'Europe/Berlin',
    hours: { mon: [{ from: '09:00', to: '17:00' }] },
    holidayCountry: 'DE',
    holidayRegion: 'BY',
    closedDates: ['2026-12-24'],
  },
  'sla.plans.list': undefined,
  'sla.plans.upsert': { id: 'gold', name: 'Gold' },
  'sla.customers.list': undefined,
  'sla.customers.setPlan': { org: 'Northwind', plan: 'premium' },
  'sla.customers.removePlan': { org: 'Northwind' },
  'sla.policies.list': undefined,
  'sla.policies.upsert': {
    id: 'high',
    name: 'High',
    severity: 'high',
    plan: null,
    calendar: 'office-de',
    firstResponseMinutes: 240,
    nextUpdateMinutes: 480,
    resolutionMinutes: 2400,
    warnAtPercent: 80,
    pauseOnCustomer: true,
    customerFacing: true,
  },
  'sla.ofIncident': { ref: REF },
  'customers.export': { email: 'maria@northwind.example' },
  'customers.erase': { email: 'nobody@example.com', reason: 'Fuzz request' },
  'templates.stats': { category: 'login', since: '2026-01-01' },
  'incidents.share': { ref: REF, email: 'maria@northwind.example' },
  'incidents.shares': { ref: REF },
  'incidents.unshare': { ref: REF, id: 1 },
  'incidents.relay': { ref: REF, entryId: 1, text: 'Which browser do you use?' },
  'feeds.token': undefined,
  'insights.repeatedProblems': INSIGHT_FILTER,
  'insights.customers': INSIGHT_FILTER,
  'insights.volume': INSIGHT_FILTER,
  'insights.upgradeWarnings': INSIGHT_FILTER,
  'insights.workarounds': INSIGHT_FILTER,
  'insights.escalations': INSIGHT_FILTER,
  'insights.evaluations': INSIGHT_FILTER,
  'insights.configDifferences': { ref: REF },
  'insights.facets': undefined,
  'knownSolutions.record': { ref: REF, solution: 'Cleared the SSO session cache', customerAnswer: 'Sign out and in again' },
  'knownSolutions.similar': { text: 'login loops back to sign-in', limit: 3 },
  'knownSolutions.publish': { ref: REF, published: true },
  'knownSolutions.resolve': { ...sampleIncident(), group: REF },
  'crm.mappings.list': { team: 'accounts' },
  'crm.mappings.upsert': {
    team: 'accounts',
    origin: 'https://help.example.com/desk/tickets/1',
    fields: {
      ticketId: { css: '#ticket-number', label: 'Ticket', pattern: '#(\\d+)' },
      latestMessage: { css: '.thread .message', all: true },
    },
  },
  'crm.mappings.delete': { team: 'accounts', origin: 'https://help.example.com' },
};

/**
 * Procedures whose bent input may disable the caller (revoke its token, demote or deactivate
 * it): each of their requests is sent as a fresh admin, and they run after all others.
 */
const SELF_HARM = new Set(['users.update', 'users.deactivate', 'tokens.revoke', 'tokens.rotate']);

const hostile = fc.oneof(
  fc.constant('\u0000'),
  fc.string().map((s) => `${s}\u0000${s}`),
  fc.constantFrom(2 ** 31, 2 ** 53, -1, 0, 1.5, -0, 1e308),
  fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty'),
  fc.constant('x'.repeat(300_000)),
  fc.constantFrom(null, true, [], {}, ''),
  fc.constantFrom('INC-99999999999', 'INC-2147483648', '9'.repeat(40), '#-1'),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

type Json = unknown;
/** All paths to the leaves and branches of a JSON value. */
function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (v && typeof v === 'object') return [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return [at];
}
function setAt(v: Json, path: (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, Json>;
  copy[head!] = setAt(copy[head!], rest, value);
  return copy;
}

/** A valid input with a few of its parts replaced, removed or joined by hostile values. */
function mutated(valid: Json): fc.Arbitrary<Json> {
  const targets = paths(valid ?? {});
  const edit = fc.record({
    path: fc.constantFrom(...targets),
    value: hostile,
    key: fc.constantFrom('constructor', '__proto__', 'extra', 'ref', 'id'),
    kind: fc.constantFrom('replace', 'addKey', 'drop'),
  });
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) =>
    edits.reduce<Json>((acc, e) => {
      if (e.kind === 'replace') return setAt(acc, e.path, e.value);
      if (e.kind === 'addKey') return setAt(acc, [...e.path, e.key], e.value);
      return e.path.length ? setAt(acc, e.path, undefined) : acc;
    }, valid ?? {}),
  );
}

/** Whether each part of a message starts with a field: a key of what was sent or of the procedure's input. */
function namesAField(message: string, input: Json, valid: Json): boolean {
  const keys = new Set<string>(['input', 'batch', 'connectionParams']);
  for (const v of [input, valid]) for (const p of paths(v ?? {})) for (const k of p) keys.add(String(k));
  // "customer.email: …", "answers: …", "questions.0.id: …" — it starts with a key of the input.
  const m = /^([\w$]+)(?:\.[\w$]+)*: /.exec(message);
  return m !== null && keys.has(m[1]!);
}

const RUNS = Number(process.env.HANDOFF_FUZZ_RUNS ?? 40);

describe.each(['sqlite', 'postgres'] as const)('fuzzing every procedure over HTTP on %s', (engine) => {
  let db: TestDatabase;
  let server: RunningServer;
  let token: string;
  const tally = { sent: 0, fiveHundreds: 0, unnamed: 0 };

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    server = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl, demo: true });
    token = server.demoTokens!.admin; // every procedure is open to admins: inputs, not roles, are under test
  });
  afterAll(async () => {
    console.log(`[fuzz] ${engine}: ${tally.sent} requests, ${tally.fiveHundreds} 5xx, ${tally.unnamed} rejections not naming a field`);
    await server?.close();
    await db?.drop();
  });

  it('has a valid example for every procedure', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(VALID).sort());
  });

  const order = Object.entries(VALID).sort(([a], [b]) => Number(SELF_HARM.has(a)) - Number(SELF_HARM.has(b)));
  for (const [path, valid] of order) {
    it(path, { timeout: 120_000 }, async () => {
      const type = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]!._def.type;
      // Inputs travel as JSON text: objects with keys such as "constructor" stay inert in the harness too.
      const send = async (json: string | undefined): Promise<{ status: number; message: string }> => {
        const as = SELF_HARM.has(path) ? await server.addUser({ name: 'Fuzz admin', role: 'admin' }) : token;
        const headers = { authorization: `Bearer ${as}`, 'content-type': 'application/json' };
        const encoded = json === undefined ? '' : `?input=${encodeURIComponent(json)}`;
        const res =
          type === 'mutation'
            ? await fetch(`${server.url}/trpc/${path}`, { method: 'POST', headers, body: json ?? 'null' })
            : await fetch(`${server.url}/trpc/${path}${encoded}`, { headers });
        // A subscription that was accepted streams; its first frames tell whether it started.
        const text = type === 'subscription' && res.ok ? await firstFrames(res) : await res.text();
        tally.sent += 1;
        const message = /"message":"((?:[^"\\]|\\.)*)"/.exec(text)?.[1] ?? '';
        const status = type === 'subscription' && /serialized-error/.test(text) ? Number(/"httpStatus":(\d+)/.exec(text)?.[1]) : res.status;
        return { status, message: JSON.parse(`"${message}"`) as string };
      };
      await fc.assert(
        fc.asyncProperty(
          fc
            .oneof({ weight: 4, arbitrary: mutated(valid) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) })
            .map((v) => JSON.stringify(v) as string | undefined),
          async (json) => {
            const { status, message } = await send(json);
            if (status >= 500) tally.fiveHundreds += 1;
            expect(status, `${path} ${json?.slice(0, 300)} → ${status} ${message}`).toBeLessThan(500);
            if (status === 400 && !namesAField(message, json === undefined ? undefined : JSON.parse(json), valid)) {
              tally.unnamed += 1;
              expect.fail(`${path}: 400 without naming a field: "${message}" for ${json?.slice(0, 300)}`);
            }
          },
        ),
        { numRuns: RUNS, seed: Number(process.env.HANDOFF_FUZZ_SEED ?? 20261130) },
      );
    });
  }
});

/** Reads a live stream until its first data or error frame (or a short while), then closes it. */
async function firstFrames(res: Response): Promise<string> {
  const reader = res.body!.getReader();
  let text = '';
  const until = Date.now() + 1000;
  while (Date.now() < until && !/serialized-error|\ndata: \{/.test(text)) {
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 200))]);
    if (!chunk || chunk.done) break;
    text += new TextDecoder().decode(chunk.value);
  }
  await reader.cancel();
  return text;
}
