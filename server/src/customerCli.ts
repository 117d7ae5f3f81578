import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CustomerEraseInputSchema, CustomerExportInputSchema, formatRef } from '@handoff/shared';
import type { Command } from 'commander';
import type { z } from 'zod';
import { openServices } from './server.js';
import { exportArchive } from './store/customerData/archive.js';
import { COMMAND_LINE_ACTOR } from './store/customerData/customerData.js';
import { badRequest } from './store/errors.js';

type StoreFlags = { dataDir: string; databaseUrl?: string };

/** Validates flags with the API's own schema: the same message as a 400 ("--email: Invalid email address"). */
function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

/** `customer export` and `customer erase`: a customer's data rights from the command line. */
export function addCustomerCommands(program: Command, storeOptions: (cmd: Command) => Command): void {
  const customer = program.command('customer').description("a customer's data: export everything held about them, or erase it");
  storeOptions(
    customer
      .command('export')
      .description('write a zip of everything held about a customer (customer.json and attachments)')
      .requiredOption('--email <email>', "the customer's e-mail address")
      .option('--out <file>', 'where to write the archive (default: customer-export-<date>.zip here)'),
  ).action(async (opts: StoreFlags & { email: string; out?: string }) => {
    const input = parse(CustomerExportInputSchema, { email: opts.email });
    const services = await openServices({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl });
    try {
      const exported = await services.customerData.export(input.email);
      const refs = exported.incidentIds.map((id) => formatRef(id, services.incidents.prefix));
      const now = new Date();
      const file = path.resolve(opts.out ?? `customer-export-${now.toISOString().slice(0, 10)}.zip`);
      await writeFile(file, exportArchive(exported, refs, now));
      const counts = Object.entries(exported.sections).map(([id, s]) => `${id} ${s.items.length}`);
      console.log(
        `Exported ${refs.length} incident${refs.length === 1 ? '' : 's'} (${refs.join(', ') || 'none held'}): ${counts.join(', ')}.`,
      );
      console.log(file);
    } finally {
      await services.close();
    }
  });
  storeOptions(
    customer
      .command('erase')
      .description('replace a customer\'s personal data everywhere by "erased customer #N" (irreversible; safe to repeat)')
      .requiredOption('--email <email>', "the customer's e-mail address")
      .requiredOption('--reason <reason>', 'why (recorded on the incidents\' timelines), e.g. "customer request 2026-11-30"'),
  ).action(async (opts: StoreFlags & { email: string; reason: string }) => {
    const input = parse(CustomerEraseInputSchema, { email: opts.email, reason: opts.reason });
    const services = await openServices({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl });
    try {
      const result = await services.customerData.eraseCustomer(input.email, {
        kind: 'request',
        actor: COMMAND_LINE_ACTOR,
        reason: input.reason,
      });
      if (!result.placeholder) {
        console.log(`Nothing is held about ${input.email} (already erased, or never recorded).`);
        return;
      }
      const counts = Object.entries(result.counts).map(([id, n]) => `${id} ${n}`);
      console.log(`Erased: now "${result.placeholder}" on ${result.incidents.join(', ')} (${counts.join(', ')}).`);
    } finally {
      await services.close();
    }
  });
}
