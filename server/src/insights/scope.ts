import type { InsightFilter } from '@handoff/shared';
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import { forbidden } from '../store/errors.js';
import type { Database, Engine, InsightFactsTable } from '../store/schema.js';
import type { Memo } from './cache.js';

/** What an insight counts: the filter, and the teams whose incidents the person may count (null: all). */
export interface InsightScope {
  filter: InsightFilter;
  teams: readonly string[] | null;
  /** "Now", for trends and open durations (tests pin it). */
  now: Date;
}

export interface InsightDeps {
  db: Kysely<Database>;
  engine: Engine;
  prefix: string;
  /** Exact memoisation of parts that do not depend on "now" (the insight worker's; see cache.ts). */
  memo?: Memo;
}

/** What a memoised part depends on besides the data: the filter and the teams counted (never `now`). */
export const scopeKey = (scope: InsightScope) => ({ filter: scope.filter, teams: scope.teams });

/** `deps.memo`, or computing every time. */
export const memoOf = (deps: InsightDeps): Memo => deps.memo ?? ((_part, _key, compute) => compute());

const DAY = 86_400_000;
export const dayStart = (date: string) => `${date}T00:00:00.000Z`;
export const nextDay = (date: string) => new Date(Date.parse(dayStart(date)) + DAY).toISOString();

/** FORBIDDEN when the filter names a team whose incidents the person does not count. */
export function checkTeamFilter(scope: InsightScope): void {
  const { team } = scope.filter;
  if (team && scope.teams && !scope.teams.includes(team)) {
    throw forbidden(`team: you see insights for your own teams (${scope.teams.join(', ') || 'none'}) only.`);
  }
}

type IncidentsQuery<O> = SelectQueryBuilder<Database, 'incidents', O>;

/** Restricts a query on `incidents` to the scope: period (by creation), team, product, version, category. */
export function inScope<O>(q: IncidentsQuery<O>, scope: InsightScope, opts: { period?: boolean } = {}): IncidentsQuery<O> {
  const f = scope.filter;
  let out = q;
  if (scope.teams) {
    const teams = [...scope.teams];
    out = teams.length
      ? out.where('incidents.team', 'in', teams)
      : out.where((eb: ExpressionBuilder<Database, 'incidents'>) => eb.val(1), '=', 0);
  }
  if (f.team) out = out.where('incidents.team', '=', f.team);
  if (f.product) out = out.where('incidents.product', '=', f.product);
  if (f.version) out = out.where('incidents.version', '=', f.version);
  if (f.category) out = out.where('incidents.category', '=', f.category);
  if (opts.period !== false) {
    if (f.from) out = out.where('incidents.created_at', '>=', dayStart(f.from));
    if (f.to) out = out.where('incidents.created_at', '<', nextDay(f.to));
  }
  return out;
}

type FactsDb = Database & { f: InsightFactsTable };
// biome-ignore lint/suspicious/noExplicitAny: any query with the facts aliased as `f` (joins add tables)
type AnyQuery = SelectQueryBuilder<any, any, any>;

/**
 * `inScope` for the insights' per-incident rollup (`insight_facts as f`): the same period, team,
 * product, version and category restrictions on the same values.
 */
export function inFactsScope<Q extends AnyQuery>(q: Q, scope: InsightScope, opts: { period?: boolean } = {}): Q {
  const f = scope.filter;
  let out = q as unknown as SelectQueryBuilder<FactsDb, 'f', object>;
  if (scope.teams) {
    const teams = [...scope.teams];
    out = teams.length ? out.where('f.team', 'in', teams) : out.where((eb) => eb.val(1), '=', 0);
  }
  if (f.team) out = out.where('f.team', '=', f.team);
  if (f.product) out = out.where('f.product', '=', f.product);
  if (f.version) out = out.where('f.version', '=', f.version);
  if (f.category) out = out.where('f.category', '=', f.category);
  if (opts.period !== false) {
    if (f.from) out = out.where('f.created_at', '>=', dayStart(f.from));
    if (f.to) out = out.where('f.created_at', '<', nextDay(f.to));
  }
  return out as unknown as Q;
}

/** The end of the period: the day after `to`, or now. */
export function periodEnd(scope: InsightScope): Date {
  return scope.filter.to ? new Date(nextDay(scope.filter.to)) : scope.now;
}

export const hoursBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;
