import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, User } from '@handoff/shared';
import { sampleIncident } from '../testing.js';
import { type DemoCallers, openDemoCallers } from './demoCallers.testutil.js';

const ROLES: Role[] = ['agent', 'reviewer', 'developer', 'lead', 'admin'];

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

describe.each(['sqlite', 'postgres'] as const)('releases and the hand-over rules on %s', (engine) => {
  let h: DemoCallers;
  let services: DemoCallers['services'];
  let otherAgent: User;
  const as = (who: Role | User) => h.as(who);

  beforeAll(async () => {
    h = await openDemoCallers(engine);
    ({ services } = h);
    otherAgent = (await services.store.addUser({ name: 'Other Agent', role: 'agent', teams: ['accounts'] })).user;
  });
  afterAll(() => h?.close());

  async function fixedIncident(version = '9.9.9') {
    const { reference: ref } = await as('agent').incidents.create(sampleIncident());
    await as('developer').incidents.transition({ ref, to: 'in_progress' });
    await as('developer').incidents.transition({ ref, to: 'fixed', version });
    return ref;
  }

  it('plans a release with fixes and known issues, collects L1 feedback, and tells agents when it ships', async () => {
    const early = await fixedIncident('4.3.0');
    const { reference: listed } = await as('agent').incidents.create(sampleIncident());
    const release = await as('developer').releases.create({
      version: '4.3.0',
      plannedDate: '2026-12-01',
      notes: 'Sign-in fixes',
      fixes: [listed],
      knownIssues: ['Exports still slow for huge projects'],
    });
    expect(release.status).toBe('planned');
    expect(release.items.map((i) => i.incident?.reference ?? i.text).sort()).toEqual(
      [early, listed, 'Exports still slow for huge projects'].sort(),
    );
    const item = release.items.find((i) => i.incident?.reference === listed)!;
    await as('reviewer').releases.feedback({
      version: '4.3.0',
      itemId: item.id,
      verdict: 'concern',
      text: 'Customers on SSO need a heads-up',
    });
    const withFeedback = await as('lead').releases.feedback({ version: '4.3.0', verdict: 'ready' });
    expect(withFeedback.feedback.map((f) => [f.reviewer.name, f.verdict, f.itemId])).toEqual([
      ['Rita Reviewer', 'concern', item.id],
      ['Lee Lead', 'ready', null],
    ]);
    expect(await outcome(as('reviewer').releases.feedback({ version: '4.3.0', verdict: 'concern', text: '' }))).toBe('BAD_REQUEST');
    expect(await outcome(as('reviewer').releases.feedback({ version: '4.3.0', itemId: 999999, verdict: 'ready' }))).toBe('BAD_REQUEST');
    expect(await outcome(as('developer').releases.create({ version: '4.3.0', plannedDate: '2026-12-02' }))).toBe('CONFLICT');

    const shipped = await as('lead').releases.ship({ version: '4.3.0' });
    expect(shipped.status).toBe('shipped');
    const agentView = await as('agent').incidents.byRef({ ref: early });
    expect(agentView.access === 'full' && agentView.timeline.at(-1)).toMatchObject({
      kind: 'released',
      text: expect.stringMatching(/4\.3\.0 shipped.*verify/),
    });
    expect(await outcome(as('lead').releases.ship({ version: '4.3.0' }))).toBe('BAD_REQUEST');
    expect(await outcome(as('reviewer').releases.feedback({ version: '4.3.0', verdict: 'ready' }))).toBe('BAD_REQUEST');
    expect((await as('agent').releases.list({ status: 'shipped' })).map((r) => r.version)).toContain('4.3.0');
    const log = await services.releases.eventsAfter(0, 100);
    expect(log.map((l) => l.kind)).toEqual(['created', 'feedback', 'feedback', 'shipped']);
  });

  it('enforces who may do what, as a matrix', async () => {
    await as('developer').releases.create({ version: 'matrix-1', plannedDate: '2026-12-24' });
    const cases: [string, (who: Role | User) => Promise<unknown>, Record<string, string>][] = [
      [
        'release feedback',
        (who) => as(who).releases.feedback({ version: 'matrix-1', verdict: 'ready' }),
        { agent: 'FORBIDDEN', reviewer: 'ok', developer: 'FORBIDDEN', lead: 'ok', admin: 'ok' },
      ],
      [
        'create a release',
        (who) => as(who).releases.create({ version: `m-${typeof who === 'string' ? who : who.id}`, plannedDate: '2026-12-24' }),
        { agent: 'FORBIDDEN', reviewer: 'FORBIDDEN', developer: 'ok', lead: 'ok', admin: 'ok' },
      ],
    ];
    for (const [what, call, expected] of cases) {
      for (const role of ROLES) expect(`${what} as ${role}: ${await outcome(call(role))}`).toBe(`${what} as ${role}: ${expected[role]}`);
    }
    // Per-incident rules: each attempt gets its own incident in the right state.
    const perIncident: [string, (ref: string, who: Role | User) => Promise<unknown>, () => Promise<string>, Record<string, string>][] = [
      [
        'mark fixed',
        (ref, who) => as(who).incidents.transition({ ref, to: 'fixed', version: '1.0' }),
        async () => {
          const { reference } = await as('agent').incidents.create(sampleIncident());
          await as('developer').incidents.transition({ ref: reference, to: 'in_progress' });
          return reference;
        },
        { agent: 'FORBIDDEN', reviewer: 'FORBIDDEN', developer: 'ok', lead: 'ok', admin: 'ok', otherAgent: 'FORBIDDEN' },
      ],
      [
        'verify a fix',
        (ref, who) => as(who).incidents.transition({ ref, to: 'verified' }),
        () => fixedIncident(),
        { agent: 'ok', reviewer: 'FORBIDDEN', developer: 'FORBIDDEN', lead: 'ok', admin: 'ok', otherAgent: 'FORBIDDEN' },
      ],
      [
        'close unverified with a reason',
        (ref, who) => as(who).incidents.transition({ ref, to: 'closed', unverifiedReason: 'Customer unreachable' }),
        () => fixedIncident(),
        { agent: 'ok', reviewer: 'FORBIDDEN', developer: 'FORBIDDEN', lead: 'ok', admin: 'ok', otherAgent: 'FORBIDDEN' },
      ],
      [
        'answer a question',
        (ref, who) => as(who).incidents.answer({ ref, answer: 'Safari 18.1' }),
        async () => {
          const { reference } = await as('agent').incidents.create(sampleIncident());
          await as('developer').incidents.ask({ ref: reference, question: 'Which Safari?' });
          return reference;
        },
        { agent: 'ok', reviewer: 'FORBIDDEN', developer: 'FORBIDDEN', lead: 'ok', admin: 'ok', otherAgent: 'FORBIDDEN' },
      ],
      [
        'ask L1 a question',
        (ref, who) => as(who).incidents.ask({ ref, question: 'Which browser?' }),
        async () => (await as('agent').incidents.create(sampleIncident())).reference,
        { agent: 'FORBIDDEN', reviewer: 'FORBIDDEN', developer: 'ok', lead: 'ok', admin: 'ok', otherAgent: 'FORBIDDEN' },
      ],
    ];
    for (const [what, call, setup, expected] of perIncident) {
      for (const who of [...ROLES, 'otherAgent'] as const) {
        const ref = await setup();
        const result = await outcome(call(ref, who === 'otherAgent' ? otherAgent : who));
        expect(`${what} as ${who}: ${result}`).toBe(`${what} as ${who}: ${expected[who]}`);
      }
    }
  });
});
