import { type RawBuilder, sql } from 'kysely';
import type { Engine } from '../schema.js';

/**
 * `lower(<column>.<field>)` of a JSON text column, in the engine's dialect — written exactly as
 * the expression indexes of migration 0005 (literals, not parameters), so lookups use them.
 */
export function lowerJsonField(engine: Engine, column: 'customer', field: 'email'): RawBuilder<string | null> {
  return engine === 'sqlite'
    ? sql<string | null>`lower(json_extract(${sql.ref(column)}, ${sql.lit(`$.${field}`)}))`
    : sql<string | null>`lower((${sql.ref(column)}::jsonb) ->> ${sql.lit(field)})`;
}

/** Ids unique and sorted (for stable output and `in (…)` lists). */
export const uniqueIds = (ids: Iterable<number>): number[] => [...new Set(ids)].sort((a, b) => a - b);
