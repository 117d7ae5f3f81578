import { type Kysely, sql } from 'kysely';
import type { Database, Engine } from './schema.js';
import { searchTerms } from './searchText.js';

/**
 * Ranking every row that matches a common word blocks the event loop for ~150 ms at 100k
 * incidents, and live events stall meanwhile. So each query ranks a bounded candidate set:
 * the newest CANDIDATES incidents that contain every term, then (when those are too few to
 * fill the page) the newest CANDIDATES that contain any term. The index walks its postings in
 * id order and stops at the limit, so the cost no longer grows with the table.
 */
const CANDIDATES = 200;

interface Scored {
  id: number;
  score: number;
}

export async function searchIncidentIds(db: Kysely<Database>, engine: Engine, text: string, limit: number): Promise<number[]> {
  const { terms, prefixLast } = searchTerms(text);
  if (terms.length === 0) return [];
  const run = engine === 'sqlite' ? sqliteCandidates : pgCandidates;
  const all = await run(db, terms, prefixLast, 'all');
  // Incidents that contain every word are more alike than those with only some.
  const scores = new Map<number, number>(all.map((c) => [c.id, c.score + 1]));
  if (all.length < limit && terms.length > 1) {
    for (const c of await run(db, terms, prefixLast, 'any')) if (!scores.has(c.id)) scores.set(c.id, c.score);
  }
  return [...scores]
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .slice(0, limit)
    .map(([id]) => id);
}

async function sqliteCandidates(db: Kysely<Database>, terms: string[], prefixLast: boolean, mode: 'all' | 'any'): Promise<Scored[]> {
  // Terms hold only letters and digits (normalised), so quoting them is enough to escape them.
  const parts = terms.map((t, i) => `"${t}"${prefixLast && i === terms.length - 1 ? '*' : ''}`);
  const match = parts.join(mode === 'all' ? ' ' : ' OR ');
  const { rows } = await sql<{ id: number; rank: number }>`
    select rowid as id, bm25(incidents_fts, 4.0, 1.0) as rank from incidents_fts
    where incidents_fts match ${match} order by rowid desc limit ${CANDIDATES}`.execute(db);
  // bm25 is lower-is-better and unbounded; map it onto (0, 1) so it adds to the all-terms bonus.
  return rows.map((r) => ({ id: r.id, score: -r.rank / (1 - r.rank) }));
}

async function pgCandidates(db: Kysely<Database>, terms: string[], prefixLast: boolean, mode: 'all' | 'any'): Promise<Scored[]> {
  const parts = terms.map((t, i) => `${t}${prefixLast && i === terms.length - 1 ? ':*' : ''}`);
  const query = parts.join(mode === 'all' ? ' & ' : ' | ');
  const { rows } = await sql<{ id: number; rank: number }>`
    select id, ts_rank(search_vector, q) as rank from incidents, to_tsquery('english', ${query}) q
    where search_vector @@ q order by id desc limit ${CANDIDATES}`.execute(db);
  return rows.map((r) => ({ id: r.id, score: r.rank / (1 + r.rank) }));
}
