import { type Kysely, type Migration, sql } from 'kysely';
import type { Engine } from './schema.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not today's Database type
type AnyDb = Kysely<any>;

/**
 * 0008_insights: the staff console's sessions, and the indexes the insights read by (period,
 * product/version, duplicate groups, status history).
 */
export function insightsMigration(_engine: Engine): Migration {
  return {
    async up(db: AnyDb) {
      // A session is only a hash of its id; it names the token hash it was made from, so a new
      // token (or a removed user) ends every session made with the old one.
      await sql`create table console_sessions (
        id_hash text primary key, user_id integer not null, token_hash text not null, csrf text not null,
        created_at text not null, expires_at text not null)`.execute(db);
      await sql`create index console_sessions_user on console_sessions (user_id)`.execute(db);
      await sql`create index incidents_created on incidents (created_at)`.execute(db);
      await sql`create index incidents_product_version on incidents (product, version, created_at)`.execute(db);
      await sql`create index incidents_duplicate_of on incidents (duplicate_of)`.execute(db);
      await sql`create index timeline_kind on timeline (kind, incident_id)`.execute(db);
    },
  };
}
