import type { Services } from '@handoff/server';
import { seedDemo } from '@handoff/server';

/** Demo set-up plus `count` incidents created through the normal create path. */
export async function seedDemoForBench(
  services: Services,
  count: number,
  make: (i: number) => ReturnType<typeof import('./corpus.js').corpusIncident>,
) {
  await seedDemo(services);
  const agent = (await services.store.listUsers()).find((u) => u.role === 'agent')!;
  for (let i = 0; i < count; i++) {
    await services.incidents.create(make(i), agent);
    if (i > 0 && i % 20_000 === 0) console.log(`  … ${i}`);
  }
}
