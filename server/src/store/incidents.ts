import {
  type Incident,
  type IncidentCreateInputSchema,
  type IncidentSummary,
  type Status,
  type TimelineKind,
  type User,
  missingRequiredAnswers,
  parseRef,
} from '@handoff/shared';
import type { z } from 'zod';
import { badRequest, isUniqueViolation, notFound } from './errors.js';
import { toIncident, toSummary } from './mapping.js';
import type { IncidentRow, TimelineRow } from './schema.js';
import { searchDocument } from './searchText.js';
import { searchIncidentIds } from './search.js';
import type { Store, Trx } from './store.js';

type CreateInput = z.output<typeof IncidentCreateInputSchema>;
type Columns = Partial<Omit<IncidentRow, 'id' | 'created_at' | 'updated_at' | 'search_title' | 'search_body'>>;

/** One change to an incident: what to set on it and the timeline entry that records it. */
export interface Change {
  set?: Columns;
  kind: TimelineKind;
  text: string;
  data?: Record<string, unknown>;
}

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
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isInteger(v[1])) return [v[0], v[1] as number];
  } catch {
    // fall through to the error below
  }
  throw badRequest('cursor: not a cursor returned by incidents.list; omit it to start from the first page.');
}

/** Incident reads and writes. Every write appends timeline rows (= live events) in the same transaction. */
export class IncidentStore {
  constructor(
    private readonly store: Store,
    readonly prefix: string,
  ) {}

  private get db() {
    return this.store.db;
  }

  async create(input: CreateInput, actor: User): Promise<{ incident: Incident; created: boolean }> {
    const existing = await this.idByKey(input.idempotencyKey);
    if (existing !== null) return { incident: await this.get(existing), created: false };

    const template = await this.store.latestTemplate(input.category);
    if (!template) {
      const known = (await this.store.listTemplates()).map((t) => t.category).join(', ');
      throw badRequest(`category: unknown category "${input.category}". Known categories: ${known}.`);
    }
    const missing = missingRequiredAnswers(template, input.answers);
    if (missing.length > 0) {
      throw badRequest(
        `answers: required question${missing.length > 1 ? 's' : ''} not answered: ` +
          missing.map((q) => `"${q.id}" (${q.text})`).join(', '),
      );
    }
    const team = await this.store.suggestTeam(input.category, input.component);
    const now = new Date().toISOString();
    const doc = searchDocument(input.title, input.description, input.steps);
    try {
      const incident = await this.store.write(async (trx) => {
        const row = await trx
          .insertInto('incidents')
          .values({
            idempotency_key: input.idempotencyKey,
            title: input.title,
            description: input.description,
            category: input.category,
            answers: JSON.stringify(input.answers),
            template_version: template.version,
            product: input.product,
            version: input.version,
            component: input.component ?? null,
            environment: JSON.stringify(input.environment),
            customer: JSON.stringify(input.customer),
            crm: JSON.stringify(input.crm),
            steps: JSON.stringify(input.steps),
            reproduced_by_agent: input.reproducedByAgent ? 1 : 0,
            workaround: input.workaround ?? null,
            severity: input.severity,
            status: 'new',
            team,
            owner_id: null,
            reporter_id: actor.id,
            affected_customers: 1,
            duplicate_of: null,
            fixed_in_version: null,
            created_at: now,
            updated_at: now,
            search_title: doc.title,
            search_body: doc.body,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const attachments =
          input.attachments.length === 0
            ? []
            : await trx
                .insertInto('attachments')
                .values(
                  input.attachments.map((a) => ({
                    incident_id: row.id,
                    name: a.name,
                    media_type: a.mediaType,
                    size: Math.floor((a.dataBase64.length * 3) / 4),
                    data_base64: a.dataBase64,
                  })),
                )
                .returning(['id', 'name', 'media_type', 'size'])
                .execute();
        const routed = team ? ` and routed to ${team}` : '';
        const created = await this.appendTimeline(trx, row, actor.id, {
          kind: 'created',
          text: `Created by ${actor.name}${routed}`,
          data: { team },
        });
        // Built from what was just written: no second read on the hot path.
        // (No user lookup here: on SQLite the transaction holds the only connection.)
        const users = new Map([[actor.id, { id: actor.id, name: actor.name }]]);
        return toIncident(row, [created], attachments, users, this.prefix);
      });
      return { incident, created: true };
    } catch (err) {
      // A concurrent retry with the same key won the race: answer with its incident.
      if (isUniqueViolation(err)) {
        const raced = await this.idByKey(input.idempotencyKey);
        if (raced !== null) return { incident: await this.get(raced), created: false };
      }
      throw err;
    }
  }

  private async idByKey(key: string): Promise<number | null> {
    const row = await this.db.selectFrom('incidents').select('id').where('idempotency_key', '=', key).executeTakeFirst();
    return row?.id ?? null;
  }

  async row(id: number): Promise<IncidentRow> {
    const row = await this.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Incident ${this.ref(id)}`);
    return row;
  }

  /** The incident id of a reference as typed; BAD_REQUEST names the reference when malformed. */
  idOf(ref: string): number {
    const id = parseRef(ref, this.prefix);
    if (id === null) throw badRequest(`ref: "${ref}" is not an incident reference; use ${this.prefix}-1042, #1042 or 1042.`);
    return id;
  }

  ref(id: number): string {
    return `${this.prefix}-${id}`;
  }

  async get(id: number): Promise<Incident> {
    const row = await this.row(id);
    const [timeline, attachments] = await Promise.all([
      this.db.selectFrom('timeline').selectAll().where('incident_id', '=', id).orderBy('id').execute(),
      this.db.selectFrom('attachments').select(['id', 'name', 'media_type', 'size']).where('incident_id', '=', id).orderBy('id').execute(),
    ]);
    const users = await this.store.userRefs([row.reporter_id, row.owner_id ?? row.reporter_id, ...timeline.map((t) => t.actor_id)]);
    return toIncident(row, timeline, attachments, users, this.prefix);
  }

  async attachment(incidentId: number, attachmentId: number) {
    const row = await this.db
      .selectFrom('attachments')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .where('id', '=', attachmentId)
      .executeTakeFirst();
    if (!row) throw notFound(`Attachment ${attachmentId} of ${this.ref(incidentId)}`);
    return { id: row.id, name: row.name, mediaType: row.media_type, dataBase64: row.data_base64 };
  }

  async summaries(rows: IncidentRow[]): Promise<IncidentSummary[]> {
    const users = await this.store.userRefs(rows.flatMap((r) => (r.owner_id ? [r.owner_id, r.reporter_id] : [r.reporter_id])));
    return rows.map((r) => toSummary(r, users, this.prefix));
  }

  async list(f: ListFilter): Promise<{ items: IncidentSummary[]; nextCursor: string | null }> {
    let q = this.db.selectFrom('incidents').selectAll();
    if (f.team !== undefined) q = q.where('team', '=', f.team);
    if (f.ownerId !== undefined) q = q.where('owner_id', '=', f.ownerId);
    if (f.reporterId !== undefined) q = q.where('reporter_id', '=', f.reporterId);
    if (f.status?.length) q = q.where('status', 'in', f.status);
    if (f.updatedSince !== undefined) q = q.where('updated_at', '>=', f.updatedSince);
    if (f.cursor !== undefined) {
      const [updatedAt, id] = decodeCursor(f.cursor);
      q = q.where((eb) => eb.or([eb('updated_at', '<', updatedAt), eb.and([eb('updated_at', '=', updatedAt), eb('id', '<', id)])]));
    }
    const rows = await q
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit + 1)
      .execute();
    const page = rows.slice(0, f.limit);
    const last = page[page.length - 1];
    return { items: await this.summaries(page), nextCursor: rows.length > f.limit && last ? encodeCursor(last) : null };
  }

  async search(text: string, limit: number): Promise<IncidentSummary[]> {
    await this.store.searchIndex?.flush(); // see every committed incident
    const ids = await searchIncidentIds(this.db, this.store.engine, text, limit);
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('incidents').selectAll().where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return this.summaries(ids.flatMap((id) => byId.get(id) ?? []));
  }

  /**
   * Applies the changes `decide` returns for the incident's current row, in one transaction that
   * also appends a timeline entry per change. `decide` throws to refuse (it sees the row as locked
   * for this write, so checks and changes cannot interleave with another writer).
   */
  async change(id: number, actorId: number, decide: (row: IncidentRow, trx: Trx) => Promise<Change[]> | Change[]): Promise<Incident> {
    await this.store.write(async (trx) => {
      const row = await trx.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound(`Incident ${this.ref(id)}`);
      let current = row;
      for (const change of await decide(row, trx)) {
        current = await this.applyChange(trx, current, actorId, change);
      }
    });
    return this.get(id);
  }

  /** Writes one change and its timeline entry; returns the row as it is afterwards. */
  async applyChange(trx: Trx, row: IncidentRow, actorId: number, change: Change): Promise<IncidentRow> {
    const updatedAt = new Date().toISOString();
    const set: Columns & { updated_at: string; search_title?: string; search_body?: string } = { ...change.set, updated_at: updatedAt };
    const next = { ...row, ...set } as IncidentRow;
    if (set.title !== undefined || set.description !== undefined || set.steps !== undefined) {
      const doc = searchDocument(next.title, next.description, JSON.parse(next.steps));
      set.search_title = doc.title;
      set.search_body = doc.body;
    }
    await trx.updateTable('incidents').set(set).where('id', '=', row.id).execute();
    await this.appendTimeline(trx, next, actorId, change);
    return next;
  }

  private async appendTimeline(trx: Trx, row: IncidentRow, actorId: number, change: Omit<Change, 'set'>): Promise<TimelineRow> {
    return trx
      .insertInto('timeline')
      .values({
        incident_id: row.id,
        at: new Date().toISOString(),
        actor_id: actorId,
        kind: change.kind,
        text: change.text,
        data: JSON.stringify(change.data ?? {}),
        status: row.status,
        team: row.team,
        owner_id: row.owner_id,
        reporter_id: row.reporter_id,
        title: row.title,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Timeline rows (= events) after `afterId`, oldest first. */
  async eventsAfter(afterId: number, limit: number): Promise<TimelineRow[]> {
    return this.db.selectFrom('timeline').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  }

  async lastEventId(): Promise<number> {
    const row = await this.db
      .selectFrom('timeline')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst();
    return Number(row?.max ?? 0);
  }
}
