import { type Kysely, sql } from 'kysely';
import type { Database, Engine } from './schema.js';
import { searchTerms } from './searchText.js';

/**
 * Ranking every row that matches a common word blocks the event loop for ~150 ms at 100k
 * incidents, and live events stall meanwhile. So each query ranks a bounded candidate set:
 * the newest CANDIDATES incidents that contain every term, then (when those are too few to
 * fill the page) the newest CANDIDATES that contain any term.
 * "Newest" alone did not bound the work: both indexes collect every match before the newest
 * are taken (PostgreSQL fetched 62,500 rows to return 200 — seconds at 1M incidents). So the
 * candidates are looked for in id windows, newest first (WINDOWS, then the rest): common words
 * fill them from the first window, rare ones have short posting lists anyway. The result is
 * the same newest CANDIDATES, found by reading far fewer rows.
 */
const CANDIDATES = 200;
const WINDOWS = [20_000, 200_000];

/** A range of incident ids, `from` inclusive (null: from the first), `below` exclusive. */
interface IdRange {
  from: number | null;
  below: number;
}
type Candidates = (
  db: Kysely<Database>,
  terms: string[],
  prefixLast: boolean,
  mode: 'all' | 'any',
  range: IdRange,
  limit: number,
) => Promise<Scored[]>;

/** The newest CANDIDATES matches, window by window from the newest id back. */
async function newestMatches(
  db: Kysely<Database>,
  run: Candidates,
  terms: string[],
  prefixLast: boolean,
  mode: 'all' | 'any',
  windows: readonly number[],
) {
  const newest = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  let below = Number(newest?.id ?? 0) + 1;
  const found: Scored[] = [];
  for (const size of [...windows, null]) {
    const from = size === null ? null : below - size;
    found.push(...(await run(db, terms, prefixLast, mode, { from, below }, CANDIDATES - found.length)));
    if (found.length >= CANDIDATES || from === null || from <= 0) break;
    below = from;
  }
  return found;
}

interface Scored {
  id: number;
  score: number;
}

/** Ids of the incidents most like `text`, best first; `windows` are for tests (see WINDOWS). */
export async function searchIncidentIds(
  db: Kysely<Database>,
  engine: Engine,
  text: string,
  limit: number,
  windows: readonly number[] = WINDOWS,
): Promise<number[]> {
  const { terms, prefixLast } = searchTerms(text);
  if (terms.length === 0) return [];
  const run = engine === 'sqlite' ? sqliteCandidates : pgCandidates;
  const all = await newestMatches(db, run, terms, prefixLast, 'all', windows);
  // Incidents that contain every word are more alike than those with only some.
  const scores = new Map<number, number>(all.map((c) => [c.id, c.score + 1]));
  if (all.length < limit && terms.length > 1) {
    for (const c of await newestMatches(db, run, terms, prefixLast, 'any', windows)) if (!scores.has(c.id)) scores.set(c.id, c.score);
  }
  return [...scores]
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .slice(0, limit)
    .map(([id]) => id);
}

const sqliteCandidates: Candidates = async (db, terms, prefixLast, mode, range, limit) => {
  // Terms hold only letters and digits (normalised), so quoting them is enough to escape them.
  const parts = terms.map((t, i) => `"${t}"${prefixLast && i === terms.length - 1 ? '*' : ''}`);
  const match = parts.join(mode === 'all' ? ' ' : ' OR ');
  const { rows } = await sql<{ id: number; rank: number }>`
    select rowid as id, bm25(incidents_fts, 4.0, 1.0) as rank from incidents_fts
    where incidents_fts match ${match} and rowid < ${range.below} and rowid >= ${range.from ?? 0}
    order by rowid desc limit ${limit}`.execute(db);
  // bm25 is lower-is-better and unbounded; map it onto (0, 1) so it adds to the all-terms bonus.
  return rows.map((r) => ({ id: r.id, score: -r.rank / (1 - r.rank) }));
};

const pgCandidates: Candidates = async (db, terms, prefixLast, mode, range, limit) => {
  const parts = terms.map((t, i) => `${t}${prefixLast && i === terms.length - 1 ? ':*' : ''}`);
  const query = parts.join(mode === 'all' ? ' & ' : ' | ');
  const { rows } = await sql<{ id: number; rank: number }>`
    select id, ts_rank(search_vector, q) as rank from incidents, to_tsquery('english', ${query}) q
    where search_vector @@ q and id < ${range.below} and id >= ${range.from ?? 0}
    order by id desc limit ${limit}`.execute(db);
  return rows.map((r) => ({ id: Number(r.id), score: r.rank / (1 + r.rank) }));
};
