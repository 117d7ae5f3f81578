import type { Services } from '@handoff/server';
import { seedDemo } from '@handoff/server';

/** Concurrent creators while seeding: their creates share commits (group commit), as a busy server's would. */
const SEED_WORKERS = 16;

/** Demo set-up plus `count` incidents created through the normal create path. */
export async function seedDemoForBench(
  services: Services,
  count: number,
  make: (i: number) => ReturnType<typeof import('./corpus.js').corpusIncident>,
) {
  await seedDemo(services);
  const agent = (await services.store.listUsers()).find((u) => u.role === 'agent')!;
  let next = 0;
  await Promise.all(
    Array.from({ length: SEED_WORKERS }, async () => {
      while (next < count) {
        const i = next++;
        await services.incidents.create(make(i), agent);
        if (i > 0 && i % 20_000 === 0) console.log(`  … ${i}`);
      }
    }),
  );
}
