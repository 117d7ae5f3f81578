import { describe, expect, it } from 'vitest';
import { appRouter } from './_app.js';

type Parser = { safeParse?: (v: unknown) => { success: boolean } };

/**
 * A call documented as `…/trpc/incidents.list` (no `?input=`) must work as pasted: every
 * procedure whose input has only optional fields also takes no input at all.
 */
describe('procedure inputs', () => {
  const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { inputs?: Parser[] } }>);

  it('finds the procedures (the check below looks at all of them)', () => {
    expect(procedures.length).toBeGreaterThan(50);
  });

  it('takes a missing input wherever an empty object is valid', () => {
    const refused = procedures
      .filter(([, p]) => {
        const input = p._def.inputs?.[0];
        return input?.safeParse?.({}).success === true && input.safeParse(undefined).success !== true;
      })
      .map(([name]) => name);
    expect(refused).toEqual([]);
  });
});
