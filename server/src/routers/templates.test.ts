import { TRPCError } from '@trpc/server';
import type { ZodError } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentSchema } from '@handoff/shared';
import { sampleIncident } from '../testing.js';
import { type DemoCallers, openDemoCallers } from './demoCallers.testutil.js';

async function failure(p: Promise<unknown>): Promise<TRPCError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'expected the call to fail').toBeInstanceOf(TRPCError);
  return err as TRPCError;
}

describe.each(['sqlite', 'postgres'] as const)('question lists on %s', (engine) => {
  let h: DemoCallers;
  beforeAll(async () => {
    h = await openDemoCallers(engine);
  });
  afterAll(() => h?.close());

  const full = async (ref: string) => IncidentSchema.parse(await h.as('developer').incidents.byRef({ ref }));

  it('requires a conditional question only when its condition holds, and keeps its answer then', async () => {
    const sso = sampleIncident({ answers: { ...sampleIncident().answers, sso: 'SSO' } });
    const err = await failure(h.as('agent').incidents.create(sso));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/required question not answered: "identity_provider"/);

    const ok = await h.as('agent').incidents.create({ ...sso, answers: { ...sso.answers, identity_provider: 'Okta: invalid audience' } });
    expect((await full(ok.reference)).answers.identity_provider).toBe('Okta: invalid audience');
  });

  it('drops the answer to a question its condition hides, on create and on update', async () => {
    const input = sampleIncident({ answers: { ...sampleIncident().answers, sso: 'Password', identity_provider: 'left over from SSO' } });
    const { reference } = await h.as('agent').incidents.create(input);
    const created = await full(reference);
    expect(created.answers).not.toHaveProperty('identity_provider');
    expect(created.answers.sso).toBe('Password');

    await h.as('agent').incidents.update({ ref: reference, patch: { answers: { ...created.answers, identity_provider: 'typed again' } } });
    expect((await full(reference)).answers).not.toHaveProperty('identity_provider');
    const err = await failure(h.as('agent').incidents.update({ ref: reference, patch: { answers: { ...created.answers, sso: 'SSO' } } }));
    expect(err.message).toMatch(/"identity_provider"/);
  });

  it('checks an update against the version the incident was captured with, not a newer one', async () => {
    const { reference } = await h.as('agent').incidents.create(sampleIncident());
    const login = (await h.as('lead').templates.list()).find((t) => t.category === 'login')!;
    const v2 = await h.as('lead').templates.upsert({
      category: 'login',
      label: login.label,
      questions: [
        ...login.questions,
        { id: 'new_required', text: 'A new required question', why: 'Asked from now on', required: true, kind: 'text' },
      ],
    });
    expect(v2.version).toBe(login.version + 1);
    const history = await h.as('agent').templates.history({ category: 'login' });
    expect(history.map((t) => t.version)).toEqual([v2.version, login.version]);
    // Who saved each version: the lead for the new one; the demo seed is nobody.
    expect(history.map((t) => t.savedBy)).toEqual([(await h.as('lead').auth.whoami()).name, null]);
    const old = await h.as('developer').templates.version({ category: 'login', version: login.version });
    expect(old.questions.map((q) => q.id)).not.toContain('new_required');
    await expect(h.as('agent').templates.version({ category: 'login', version: 99 })).rejects.toThrow(
      /Version 99 of the "login" questions/,
    );
    const before = await full(reference);
    expect(before.templateVersion).toBe(login.version);
    await h.as('agent').incidents.update({ ref: reference, patch: { answers: { ...before.answers, scope: 'Some users' } } });
    expect((await full(reference)).answers.scope).toBe('Some users');
  });

  it('refuses a condition on a later question with a 400 naming it', async () => {
    const login = (await h.as('lead').templates.list()).find((t) => t.category === 'login')!;
    const [first, ...rest] = login.questions;
    const err = await failure(
      h.as('lead').templates.upsert({
        category: 'login',
        label: login.label,
        questions: [{ ...first!, showIf: { question: 'scope', equals: 'Everyone' } }, ...rest],
      }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    // Over HTTP the error formatter joins these into "questions.0.showIf.question: …".
    expect((err.cause as ZodError).issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['questions.0.showIf.question', '"scope" comes after this question; move it above "error_message" or drop the condition'],
    ]);
  });

  it('shows which questions earn their place and suggests what developers keep asking', async () => {
    const dev = h.as('developer');
    const asks = [
      'Which browser and browser version does the customer use?',
      'What browser version is the customer on?',
      'Can you find out which browser they use, and its version?',
      'What is the tenant id of the customer account?',
      'Please send the tenant id of their account',
      'What exact error message does the sign-in screen show?',
    ];
    const refs: string[] = [];
    for (const [i, question] of asks.entries()) {
      const { reference } = await h.as('agent').incidents.create(
        // (An earlier test saved a version with a required "new_required" question.)
        sampleIncident({
          answers: { ...sampleIncident().answers, new_required: 'yes', ...(i === 0 ? { sso: 'SSO', identity_provider: 'Okta' } : {}) },
        }),
      );
      refs.push(reference);
      await dev.incidents.ask({ ref: reference, question });
    }
    const stats = await h.as('lead').templates.stats({ category: 'login' });
    const byId = Object.fromEntries(stats.questions.map((q) => [q.id, q]));
    // Every login incident was asked "sso"; only those answering "SSO" were asked the identity provider.
    expect(byId.sso!.asked).toBe(stats.incidents);
    expect(byId.identity_provider!.asked).toBeLessThan(stats.incidents);
    expect(byId.identity_provider!.answered).toBe(byId.identity_provider!.asked);
    expect(byId.account_email!.answered).toBe(0);
    // The developer who asked for the error message asked for what the list already asks.
    expect(byId.error_message!.askedAgainByDevelopers).toBe(1);
    expect(stats.suggestions.map((s) => s.count)).toEqual([3, 2]);
    expect(stats.suggestions[0]!.examples).toEqual(expect.arrayContaining([asks[0]]));
    expect(stats.suggestions[0]!.references).toEqual(refs.slice(0, 3).reverse());
    expect(stats.suggestions[1]!.text).toMatch(/tenant id/);
    await expect(h.as('agent').templates.stats({ category: 'login' })).rejects.toThrow(/leads and admins/);
  });
});
