import {
  type AccessPolicy,
  type Incident,
  type IncidentListItem,
  type IncidentSla,
  type IncidentView,
  incidentAccess,
  type Recording,
  RecordingSchema,
  type Status,
  TIMELINE_PAGE,
  type TimelinePage,
  type User,
} from '@handoff/shared';
import { sql } from 'kysely';
import { badRequest, notFound } from './errors.js';
import { factsOfRow, namedUsers, toIncident, toOutline, toSummary, toTimelineEntry } from './mapping.js';
import type { IncidentRow } from './schema.js';
import { searchIncidentIds } from './search.js';
import type { Store } from './store.js';

export interface ListFilter {
  team?: string | undefined;
  ownerId?: number | undefined;
  reporterId?: number | undefined;
  status?: Status[] | undefined;
  updatedSince?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

const encodeCursor = (row: { updated_at: string; id: number }) =>
  Buffer.from(JSON.stringify([row.updated_at, row.id])).toString('base64url');
function decodeCursor(cursor: string): [string, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isInteger(v[1]) && Math.abs(v[1]) <= 2_147_483_647)
      return [v[0], v[1] as number];
  } catch {
    // fall through to the error below
  }
  throw badRequest('cursor: not a cursor returned by incidents.list; omit it to start from the first page.');
}

/** Incident reads, each shaped by how much of the incident the reader may see. */
export class IncidentReader {
  /** The service-level promise of incidents by id (set once the SLA stores exist). */
  slaOf: (ids: readonly number[]) => Promise<Map<number, IncidentSla>> = async () => new Map();

  constructor(
    private readonly store: Store,
    private readonly prefix: string,
  ) {}

  private get db() {
    return this.store.db;
  }

  /** The whole incident with its latest timeline entries (older ones: {@link timelinePage}). */
  async full(row: IncidentRow): Promise<Incident> {
    const [latest, attachments, sla] = await Promise.all([
      this.db
        .selectFrom('timeline')
        .selectAll()
        .where('incident_id', '=', row.id)
        .orderBy('id', 'desc')
        .limit(TIMELINE_PAGE + 1)
        .execute(),
      this.db
        .selectFrom('attachments')
        .select(['id', 'name', 'media_type', 'size'])
        .where('incident_id', '=', row.id)
        .orderBy('id')
        .execute(),
      this.slaOf([row.id]),
    ]);
    const rows = latest.slice(0, TIMELINE_PAGE).reverse();
    const users = await this.store.userRefs([...namedUsers(row), ...rows.map((t) => t.actor_id)]);
    return {
      ...toIncident(row, { rows, earlier: latest.length > TIMELINE_PAGE }, attachments, users, this.prefix),
      sla: sla.get(row.id) ?? null,
    };
  }

  /** The incident as `user` may see it: whole, or its outline when it is another team's. */
  async view(row: IncidentRow, user: User, policy: AccessPolicy): Promise<IncidentView> {
    if (incidentAccess(user, factsOfRow(row), policy) === 'full') return this.full(row);
    return toOutline(row, await this.store.userRefs(row.owner_id === null ? [] : [row.owner_id]), this.prefix);
  }

  async timelinePage(incidentId: number, beforeId: number, limit: number): Promise<TimelinePage> {
    const rows = await this.db
      .selectFrom('timeline')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .where('id', '<', beforeId)
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit).reverse();
    const users = await this.store.userRefs(page.map((t) => t.actor_id));
    return { entries: page.map((t) => toTimelineEntry(t, users)), earlier: rows.length > limit };
  }

  async attachment(incidentId: number, attachmentId: number) {
    const row = await this.db
      .selectFrom('attachments')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .where('id', '=', attachmentId)
      .executeTakeFirst();
    if (!row) throw notFound(`Attachment ${attachmentId} of ${this.prefix}-${incidentId}`);
    return { id: row.id, name: row.name, mediaType: row.media_type, dataBase64: row.data_base64 };
  }

  /** The incident's recorded reproduction, or null when none was recorded. */
  async recording(incidentId: number): Promise<Recording | null> {
    const row = await this.db.selectFrom('recordings').select('recording').where('incident_id', '=', incidentId).executeTakeFirst();
    return row ? RecordingSchema.parse(JSON.parse(row.recording)) : null;
  }

  /** List lines: a summary of what `user` sees in full, the outline of the rest. */
  async items(rows: IncidentRow[], user: User, policy: AccessPolicy): Promise<IncidentListItem[]> {
    const users = await this.store.userRefs(rows.flatMap((r) => (r.owner_id ? [r.owner_id, r.reporter_id] : [r.reporter_id])));
    const full = rows.filter((r) => incidentAccess(user, factsOfRow(r), policy) === 'full');
    const sla = await this.slaOf(full.map((r) => r.id));
    const seen = new Set(full);
    return rows.map((r) =>
      seen.has(r) ? { ...toSummary(r, users, this.prefix), sla: sla.get(r.id) ?? null } : toOutline(r, users, this.prefix),
    );
  }

  /**
   * Newest first, by keyset cursor. Asking for another person's reports only ever lists the
   * incidents of one's own teams (which incidents a colleague elsewhere reported is theirs).
   */
  async list(f: ListFilter, user: User, policy: AccessPolicy): Promise<{ items: IncidentListItem[]; nextCursor: string | null }> {
    const after = f.cursor === undefined ? undefined : decodeCursor(f.cursor);
    // Several statuses: one walk of the status index per status, merged here. One query with
    // "status in (…)" sorts every matching row before it can take the first page (seconds at 1M).
    const statuses: (Status | undefined)[] = f.status?.length ? [...new Set(f.status)] : [undefined];
    const pages = await Promise.all(statuses.map((status) => this.listPage(f, status, after, user, policy)));
    const rows = pages
      .flat()
      .sort((a, b) => (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : b.id - a.id))
      .slice(0, f.limit + 1);
    const page = rows.slice(0, f.limit);
    const last = page[page.length - 1];
    return { items: await this.items(page, user, policy), nextCursor: rows.length > f.limit && last ? encodeCursor(last) : null };
  }

  /** The first `limit + 1` rows after the cursor with one status (or any), newest first. */
  private listPage(f: ListFilter, status: Status | undefined, after: [string, number] | undefined, user: User, policy: AccessPolicy) {
    let q = this.db.selectFrom('incidents').selectAll();
    if (f.team !== undefined) q = q.where('team', '=', f.team);
    if (f.ownerId !== undefined) q = q.where('owner_id', '=', f.ownerId);
    if (f.reporterId !== undefined) {
      q = q.where('reporter_id', '=', f.reporterId);
      if (f.reporterId !== user.id && user.role !== 'admin' && policy.visibility !== 'open') {
        q = user.teams.length > 0 ? q.where('team', 'in', user.teams) : q.where(sql<boolean>`false`);
      }
    }
    if (status !== undefined) q = q.where('status', '=', status);
    if (f.updatedSince !== undefined) q = q.where('updated_at', '>=', f.updatedSince);
    if (after !== undefined) {
      const [updatedAt, id] = after;
      // A row-value comparison: both engines seek the index to it (the "or" form was filtered row by row).
      q = q.where(sql<boolean>`(updated_at, id) < (${updatedAt}, ${id})`);
    }
    return q
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit + 1)
      .execute();
  }

  async search(text: string, limit: number, user: User, policy: AccessPolicy): Promise<IncidentListItem[]> {
    await this.store.searchIndex?.flush(); // see every committed incident
    const ids = await searchIncidentIds(this.db, this.store.engine, text, limit);
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('incidents').selectAll().where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return this.items(
      ids.flatMap((id) => byId.get(id) ?? []),
      user,
      policy,
    );
  }
}
