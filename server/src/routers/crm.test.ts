import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoCallers, openDemoCallers } from './demoCallers.testutil.js';

async function failure(p: Promise<unknown>): Promise<TRPCError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'expected the call to fail').toBeInstanceOf(TRPCError);
  return err as TRPCError;
}

const OSTICKET = {
  ticketId: { css: '.flush-left h2 a', label: 'Ticket', pattern: '#(\\d+)' },
  subject: { css: '.tixTitle h3' },
  latestMessage: { css: '.thread-entry.message .thread-body', all: true },
};

describe.each(['sqlite', 'postgres'] as const)('helpdesk mappings shared per team on %s', (engine) => {
  let h: DemoCallers;
  beforeAll(async () => {
    h = await openDemoCallers(engine);
  });
  afterAll(() => h?.close());

  it('a lead shares a taught site with a team; its agents read it, keyed by the normalised origin', async () => {
    const saved = await h
      .as('lead')
      .crm.mappings.upsert({ team: 'accounts', origin: ' https://Support.Brightwave.example/scp/tickets.php?id=41 ', fields: OSTICKET });
    expect(saved.origin).toBe('https://support.brightwave.example');
    expect(saved.updatedBy.name).toBe('Lee Lead');
    const listed = await h.as('agent').crm.mappings.list({});
    expect(listed.map((m) => [m.team, m.origin])).toEqual([['accounts', 'https://support.brightwave.example']]);
    expect(listed[0]!.fields).toEqual(OSTICKET);
    expect(await h.as('agent').crm.mappings.list({ team: 'accounts' })).toEqual(listed);
  });

  it('an update by the lead replaces the team mapping, and every member reads the new one', async () => {
    await h
      .as('lead')
      .crm.mappings.upsert({ team: 'accounts', origin: 'https://support.brightwave.example', fields: { subject: { css: '#subject' } } });
    const [m] = await h.as('reviewer').crm.mappings.list({ team: 'accounts' });
    expect(m!.fields).toEqual({ subject: { css: '#subject' } });
    expect((await h.as('agent').crm.mappings.list({})).filter((x) => x.origin === 'https://support.brightwave.example')).toHaveLength(1);
  });

  it("agents may not share, and nobody reads another team's mappings", async () => {
    const refused = await failure(
      h.as('agent').crm.mappings.upsert({ team: 'accounts', origin: 'https://x.example', fields: { subject: { css: 'h1' } } }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/leads and admins/);
    await h.as('lead').crm.mappings.upsert({ team: 'billing', origin: 'https://billing-desk.example', fields: { subject: { css: 'h1' } } });
    const other = await failure(h.as('agent').crm.mappings.list({ team: 'billing' }));
    expect(other.code).toBe('FORBIDDEN');
    expect((await h.as('agent').crm.mappings.list({})).map((m) => m.team)).not.toContain('billing');
    expect((await h.as('admin').crm.mappings.list({ team: 'billing' })).map((m) => m.origin)).toEqual(['https://billing-desk.example']);
  });

  it('refuses what would not work on a page, naming the field and what to fix', async () => {
    const bad = async (input: unknown) => (await failure(h.as('lead').crm.mappings.upsert(input as never))).message;
    const site = { team: 'accounts', origin: 'https://a.example' };
    const badPattern = await bad({ ...site, fields: { ticketId: { css: '#n', pattern: '#(\\d+' } } });
    expect(badPattern).toContain('"pattern"');
    expect(badPattern).toContain('is not a valid regular expression');
    const longCss = await bad({ ...site, fields: { subject: { css: 'x'.repeat(1001) } } });
    expect(longCss).toContain('"css"');
    expect(longCss).toContain('must be at most 1000 characters');
    const badOrigin = await bad({ ...site, origin: 'ftp://a.example', fields: { subject: { css: 'h1' } } });
    expect(badOrigin).toContain('"origin"');
    expect(badOrigin).toContain("write the helpdesk's address, like https://help.example.com");
    expect(await bad({ ...site, fields: {} })).toContain('teach at least one field before sharing the site');
    expect(await bad({ ...site, fields: { price: { css: 'h1' } } })).toContain('"price"');
    const noTeam = await failure(
      h.as('admin').crm.mappings.upsert({ team: 'nowhere', origin: 'https://a.example', fields: { subject: { css: 'h1' } } }),
    );
    expect(noTeam.message).toMatch(/nowhere/);
  });

  it('records every share and withdrawal in the audit log, and a withdrawn site is gone for the team', async () => {
    await h.as('lead').crm.mappings.delete({ team: 'accounts', origin: 'https://SUPPORT.brightwave.example/' });
    expect((await h.as('agent').crm.mappings.list({})).map((m) => m.origin)).not.toContain('https://support.brightwave.example');
    expect((await failure(h.as('lead').crm.mappings.delete({ team: 'accounts', origin: 'https://support.brightwave.example' }))).code).toBe(
      'NOT_FOUND',
    );
    const upserts = await h.as('admin').audit.list({ action: 'crm.mapping.upsert', limit: 10 });
    expect(upserts.map((e) => e.target)).toContain('mapping accounts https://support.brightwave.example');
    const [deleted] = await h.as('admin').audit.list({ action: 'crm.mapping.delete', limit: 10 });
    expect(deleted!.actor.name).toBe('Lee Lead');
    expect(deleted!.before).toEqual({ subject: { css: '#subject' } });
    expect(deleted!.after).toBeNull();
  });
});
