import { readFileSync } from 'node:fs';
import { CalendarInputSchema, CustomerPlanInputSchema, PlanInputSchema, PolicyInputSchema } from '@handoff/shared';
import type { Command } from 'commander';
import { z } from 'zod';
import { openServices } from './server.js';

/** What `handoff-server sla apply` reads: any of the four lists, applied in this order. */
export const SlaFileSchema = z.object({
  calendars: z.array(CalendarInputSchema).default([]),
  plans: z.array(PlanInputSchema).default([]),
  customers: z.array(CustomerPlanInputSchema).default([]),
  policies: z.array(PolicyInputSchema).default([]),
});

/** A failure the CLI prints as one line (its code makes `main` treat it as known). */
class SlaFileError extends Error {
  readonly code = 'BAD_REQUEST';
}

type StoreOpts = { dataDir: string; databaseUrl?: string };

/** `sla show` and `sla apply <file>`: service levels from the command line (admins, scripts, set-up). */
export function addSlaCommands(program: Command, storeOptions: (cmd: Command) => Command): void {
  const sla = program.command('sla').description('service levels: calendars, plans, customers’ plans and policies');
  storeOptions(sla.command('show').description('print the calendars, plans, customers’ plans and policies as JSON')).action(
    async (opts: StoreOpts) => {
      const services = await openServices(opts);
      try {
        const c = services.sla.config;
        const [calendars, plans, customers, policies] = await Promise.all([
          c.listCalendars(),
          c.listPlans(),
          c.listCustomerPlans(),
          c.listPolicies(),
        ]);
        console.log(JSON.stringify({ calendars, plans, customers, policies }, null, 2));
      } finally {
        await services.close();
      }
    },
  );
  storeOptions(
    sla
      .command('apply')
      .argument('<file>', 'a JSON file with "calendars", "plans", "customers" and/or "policies" (the shape `sla show` prints)')
      .description('create or change what the file lists; open incidents’ due times are recomputed'),
  ).action(async (file: string, opts: StoreOpts) => {
    let parsed: z.infer<typeof SlaFileSchema>;
    try {
      const result = SlaFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!result.success) throw new SlaFileError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      parsed = result.data;
    } catch (err) {
      throw err instanceof SlaFileError ? err : new SlaFileError(`${file}: ${(err as Error).message}`);
    }
    const services = await openServices(opts);
    try {
      const { config, timers } = services.sla;
      for (const c of parsed.calendars) await config.upsertCalendar(c);
      for (const p of parsed.plans) await config.upsertPlan(p);
      for (const c of parsed.customers) await config.setCustomerPlan(c);
      let recomputed = 0;
      for (const p of parsed.policies) {
        recomputed += await services.store.write(async (trx) => {
          await config.checkPolicy(trx, p);
          await config.writePolicy(trx, p);
          return timers.recomputeOpen(trx, services.incidents, p.severity, p.name);
        });
      }
      console.log(
        `Applied ${parsed.calendars.length} calendar(s), ${parsed.plans.length} plan(s), ${parsed.customers.length} customer plan(s), ` +
          `${parsed.policies.length} polic${parsed.policies.length === 1 ? 'y' : 'ies'}; due times recomputed on ${recomputed} open incident(s).`,
      );
    } finally {
      await services.close();
    }
  });
}
