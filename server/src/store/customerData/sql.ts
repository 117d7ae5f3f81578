import { type RawBuilder, sql } from 'kysely';
import type { Engine } from '../schema.js';

/** `lower(<column>.<field>)` of a JSON text column, in the engine's dialect. */
export function lowerJsonField(engine: Engine, column: string, field: string): RawBuilder<string | null> {
  return engine === 'sqlite'
    ? sql<string | null>`lower(json_extract(${sql.ref(column)}, ${`$.${field}`}))`
    : sql<string | null>`lower(${sql.ref(column)}::jsonb ->> ${field})`;
}

/** Ids unique and sorted (for stable output and `in (…)` lists). */
export const uniqueIds = (ids: Iterable<number>): number[] => [...new Set(ids)].sort((a, b) => a - b);
