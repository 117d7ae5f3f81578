import { configDifferences } from './configDifferences.js';
import { customers } from './customers.js';
import { escalations } from './escalations.js';
import { evaluations } from './evaluations.js';
import { repeatedProblems } from './repeatedProblems.js';
import { type InsightDeps, type InsightScope, memoOf, scopeKey } from './scope.js';
import { upgradeWarnings } from './upgradeWarnings.js';
import { volume } from './volume.js';
import { workarounds } from './workarounds.js';

/**
 * An insight that does not read `scope.now`, memoised whole (exact: see cache.ts). repeatedProblems
 * and volume memoise their parts that do not depend on now themselves; upgradeWarnings reads now
 * and is cheap (it counts versions' first days on an index).
 */
const whole =
  <A extends unknown[], R>(name: string, run: (deps: InsightDeps, scope: InsightScope, ...arg: A) => Promise<R>) =>
  (deps: InsightDeps, scope: InsightScope, ...arg: A) =>
    memoOf(deps)(name, { scope: scopeKey(scope), arg }, () => run(deps, scope, ...arg));

/** Every insight by name: what the insight worker runs (and what runs in-process when it cannot start). */
export const INSIGHTS = {
  repeatedProblems: (deps: InsightDeps, scope: InsightScope) => repeatedProblems(deps, scope),
  customers: whole('customers', customers),
  volume: (deps: InsightDeps, scope: InsightScope) => volume(deps, scope),
  upgradeWarnings: (deps: InsightDeps, scope: InsightScope) => upgradeWarnings(deps, scope),
  workarounds: whole('workarounds', workarounds),
  escalations: whole('escalations', escalations),
  evaluations: whole('evaluations', evaluations),
  configDifferences: whole('configDifferences', (deps: InsightDeps, scope: InsightScope, group: { id: number; product: string }) =>
    configDifferences(deps, scope, group),
  ),
};
export type InsightName = keyof typeof INSIGHTS;
export type InsightResult<N extends InsightName> = Awaited<ReturnType<(typeof INSIGHTS)[N]>>;
