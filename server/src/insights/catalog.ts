import { configDifferences } from './configDifferences.js';
import { customers } from './customers.js';
import { escalations } from './escalations.js';
import { evaluations } from './evaluations.js';
import { repeatedProblems } from './repeatedProblems.js';
import type { InsightDeps, InsightScope } from './scope.js';
import { upgradeWarnings } from './upgradeWarnings.js';
import { volume } from './volume.js';
import { workarounds } from './workarounds.js';

/** Every insight by name: what the insight worker runs (and what runs in-process when it cannot start). */
export const INSIGHTS = {
  repeatedProblems: (deps: InsightDeps, scope: InsightScope) => repeatedProblems(deps, scope),
  customers: (deps: InsightDeps, scope: InsightScope) => customers(deps, scope),
  volume: (deps: InsightDeps, scope: InsightScope) => volume(deps, scope),
  upgradeWarnings: (deps: InsightDeps, scope: InsightScope) => upgradeWarnings(deps, scope),
  workarounds: (deps: InsightDeps, scope: InsightScope) => workarounds(deps, scope),
  escalations: (deps: InsightDeps, scope: InsightScope) => escalations(deps, scope),
  evaluations: (deps: InsightDeps, scope: InsightScope) => evaluations(deps, scope),
  configDifferences: (deps: InsightDeps, scope: InsightScope, group: { id: number; product: string }) =>
    configDifferences(deps, scope, group),
};
export type InsightName = keyof typeof INSIGHTS;
export type InsightResult<N extends InsightName> = Awaited<ReturnType<(typeof INSIGHTS)[N]>>;
