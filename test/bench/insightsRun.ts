import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchInsights, printInsights } from './insights.js';

/** `npm run bench:insights`, also the last part of `npm run bench`: the insights on both engines. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const results = [];
for (const engine of engines) {
  console.log(`Insights on ${engine} …`);
  results.push(await benchInsights(engine));
}
printInsights(results);
const outDir = path.join(root, 'bench-results');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, `insights-${Date.now()}.json`), JSON.stringify(results, null, 2));
