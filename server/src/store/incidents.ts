import {
  type CreateResult,
  type EntryVisibility,
  type IncidentChange,
  type IncidentCreateInputSchema,
  parseRef,
  StatusSchema,
  type TimelineKind,
  type User,
} from '@handoff/shared';
import type { z } from 'zod';
import { checkedAnswers } from './answers.js';
import { badRequest, isUniqueViolation, notFound } from './errors.js';
import { GroupCommit } from './groupCommit.js';
import { rollupChangedIncident, rollupEntry, rollupNewIncident } from './insightRollups.js';
import { namedUsers, toChange } from './mapping.js';
import type { EventRow, IncidentRow, TimelineRow } from './schema.js';
import { searchDocument } from './searchText.js';
import type { Store, Trx } from './store.js';

type CreateInput = z.output<typeof IncidentCreateInputSchema>;
/** What a timeline entry copies of its incident (who may see the event is decided on it). */
export type TimelineSubject = Pick<IncidentRow, 'id' | 'status' | 'team' | 'owner_id' | 'reporter_id' | 'title'>;
type Columns = Partial<Omit<IncidentRow, 'id' | 'created_at' | 'updated_at' | 'search_title' | 'search_body'>>;

/** One change to an incident: what to set on it and the timeline entry that records it. */
export interface Change {
  set?: Columns;
  kind: TimelineKind;
  text: string;
  data?: Record<string, unknown>;
  /** Who sees the entry; internal unless said otherwise. */
  visibility?: EntryVisibility;
}

/** How a new incident is created beyond its input. */
export interface CreateOptions {
  /** Replaces " and routed to <team>" in the created entry (an incident resolved at once is not routed). */
  createdNote?: string;
  /** Runs in the creating transaction, after the created entry. */
  within?: (trx: Trx, row: IncidentRow) => Promise<void>;
}

/** Incident writes. Every write appends timeline rows (= live events) in the same transaction. */
export class IncidentStore {
  /**
   * Runs inside every write that creates or changes an incident, after its timeline entry is
   * appended (service-level timers are recomputed there, in the same transaction).
   */
  slaHook: ((trx: Trx, before: IncidentRow | null, after: IncidentRow, entry: TimelineRow) => Promise<void>) | null = null;
  /**
   * Runs after every timeline entry is appended, in its transaction (the mail outbox queues
   * customers' update mails there, so a change and its mail commit together or not at all).
   */
  entryHook: ((trx: Trx, incident: TimelineSubject, entry: TimelineRow) => Promise<void>) | null = null;

  /** Creates arriving together share one commit (what dominates a create's cost). */
  readonly creates: GroupCommit;

  constructor(
    private readonly store: Store,
    readonly prefix: string,
  ) {
    this.creates = new GroupCommit(store);
  }

  private get db() {
    return this.store.db;
  }

  /**
   * Creates an incident, or — for a key already used — answers with the incident created then.
   * The key is checked again inside the write transaction (writes are serialised on both
   * engines), so concurrent retries neither create a second incident nor use up a number.
   * Concurrent creates share a commit (see GroupCommit); each is answered after it.
   * `opts.within` runs in the same transaction right after the creation (only when the incident is
   * new): what it changes commits with the incident or not at all.
   */
  async create(input: CreateInput, actor: User, opts: CreateOptions = {}): Promise<CreateResult> {
    // Templates and routing rules come from the cache, as of a generation read now: a change
    // committed before this create began is seen by it (see ConfigCache). A replayed key is
    // answered inside the write, where it has to be checked anyway.
    const config = this.store.config;
    await config.refresh();
    const template = await config.get(`template:${input.category}`, () => this.store.latestTemplate(input.category));
    if (!template) {
      const replay = await this.byKey(this.db, input.idempotencyKey);
      if (replay) return replay;
      const known = (await this.store.listTemplates()).map((t) => t.category).join(', ');
      throw badRequest(`category: unknown category "${input.category}". Known categories: ${known}.`);
    }
    // A question hidden by its condition was never asked: its answer is not kept.
    const answers = checkedAnswers(template, input.answers);
    const component = input.component ?? null;
    const team = await config.get(`team:${input.category}\u0000${component ?? ''}`, () =>
      this.store.suggestTeam(input.category, component),
    );
    const now = new Date().toISOString();
    const doc = searchDocument(input.title, input.description, input.steps);
    try {
      return await this.creates.write(async (trx) => {
        // A batch of creates changes no configuration: its lookups may use the cache.
        config.trust(trx);
        const raced = await this.byKey(trx, input.idempotencyKey);
        if (raced) return raced;
        const row = await trx
          .insertInto('incidents')
          .values({
            idempotency_key: input.idempotencyKey,
            title: input.title,
            description: input.description,
            category: input.category,
            answers: JSON.stringify(answers),
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
        await rollupNewIncident(trx, row);
        if (input.attachments.length > 0) {
          await trx
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
            .execute();
        }
        if (input.recording) {
          await trx
            .insertInto('recordings')
            .values({ incident_id: row.id, recording: JSON.stringify(input.recording), created_at: now })
            .execute();
        }
        const routed = opts.createdNote ?? (team ? ` and routed to ${team}` : '');
        const entry = await this.appendTimeline(trx, row, actor.id, {
          kind: 'created',
          text: `Created by ${actor.name}${routed}`,
          data: { team },
        });
        await this.slaHook?.(trx, null, row, entry);
        await opts.within?.(trx, row);
        return { reference: this.ref(row.id), status: 'new' as const, team, created: true };
      });
    } catch (err) {
      // Only a writer outside this process's serialisation could get here first (a backstop).
      if (isUniqueViolation(err)) {
        const raced = await this.byKey(this.db, input.idempotencyKey);
        if (raced) return raced;
      }
      throw err;
    }
  }

  private async byKey(db: Trx | Store['db'], key: string): Promise<CreateResult | null> {
    const row = await db.selectFrom('incidents').select(['id', 'status', 'team']).where('idempotency_key', '=', key).executeTakeFirst();
    return row ? { reference: this.ref(row.id), status: StatusSchema.parse(row.status), team: row.team, created: false } : null;
  }

  async row(id: number, db: Trx | Store['db'] = this.db): Promise<IncidentRow> {
    const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Incident ${this.ref(id)}`);
    return row;
  }

  /** The incident id of a reference as typed; BAD_REQUEST names the field (`ref` unless told) when malformed. */
  idOf(ref: string, field = 'ref'): number {
    const id = parseRef(ref, this.prefix);
    if (id === null) throw badRequest(`${field}: "${ref}" is not an incident reference; use ${this.prefix}-1042, #1042 or 1042.`);
    return id;
  }

  ref(id: number): string {
    return `${this.prefix}-${id}`;
  }

  /**
   * Applies the changes `decide` returns for the incident's current row, in one transaction that
   * also appends a timeline entry per change. `decide` throws to refuse (it sees the row as locked
   * for this write, so checks and changes cannot interleave with another writer). Returns the
   * incident's new state and the entries this change appended.
   */
  async change(id: number, actorId: number, decide: (row: IncidentRow, trx: Trx) => Promise<Change[]> | Change[]): Promise<IncidentChange> {
    const { row, entries } = await this.store.write(async (trx) => {
      let current = await this.row(id, trx);
      const appended: TimelineRow[] = [];
      for (const change of await decide(current, trx)) {
        const applied = await this.applyChange(trx, current, actorId, change);
        current = applied.row;
        appended.push(applied.entry);
      }
      return { row: current, entries: appended };
    });
    const users = await this.store.userRefs([...namedUsers(row), ...entries.map((e) => e.actor_id)]);
    return toChange(row, entries, users, this.prefix);
  }

  /** Writes one change and its timeline entry; returns the row as it is afterwards and the entry. */
  async applyChange(trx: Trx, row: IncidentRow, actorId: number, change: Change): Promise<{ row: IncidentRow; entry: TimelineRow }> {
    const updatedAt = new Date().toISOString();
    const set: Columns & { updated_at: string; search_title?: string; search_body?: string } = { ...change.set, updated_at: updatedAt };
    // Retention counts from the moment an incident was closed; reopening stops the clock.
    if (set.status !== undefined && set.status !== row.status) set.closed_at = set.status === 'closed' ? updatedAt : null;
    const next = { ...row, ...set } as IncidentRow;
    if (set.title !== undefined || set.description !== undefined || set.steps !== undefined) {
      const doc = searchDocument(next.title, next.description, JSON.parse(next.steps));
      set.search_title = doc.title;
      set.search_body = doc.body;
    }
    await trx.updateTable('incidents').set(set).where('id', '=', row.id).execute();
    await rollupChangedIncident(trx, row, next);
    const entry = await this.appendTimeline(trx, next, actorId, change);
    await this.slaHook?.(trx, row, next, entry);
    return { row: next, entry };
  }

  /** Appends a timeline entry without changing the incident (what the server itself records). */
  appendEntry(trx: Trx, row: TimelineSubject, actorId: number, change: Omit<Change, 'set'>): Promise<TimelineRow> {
    return this.appendTimeline(trx, row, actorId, change);
  }

  private async appendTimeline(trx: Trx, row: TimelineSubject, actorId: number, change: Omit<Change, 'set'>): Promise<TimelineRow> {
    const entry = await trx
      .insertInto('timeline')
      .values({
        incident_id: row.id,
        at: new Date().toISOString(),
        actor_id: actorId,
        kind: change.kind,
        text: change.text,
        data: JSON.stringify(change.data ?? {}),
        visibility: change.visibility ?? 'internal',
        status: row.status,
        team: row.team,
        owner_id: row.owner_id,
        reporter_id: row.reporter_id,
        title: row.title,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // The insights' rollups change with the entry, in its transaction (see insightRollups.ts).
    await rollupEntry(trx, entry, row.reporter_id);
    await this.entryHook?.(trx, row, entry);
    return entry;
  }

  /**
   * Timeline rows (= events) after `afterId`, oldest first, each with its incident's current
   * team, owner, reporter and participants: who may see an event is decided on those, by the
   * same rules as for the incident itself.
   */
  async eventsAfter(afterId: number, limit: number): Promise<EventRow[]> {
    return this.db
      .selectFrom('timeline as t')
      .innerJoin('incidents as i', 'i.id', 't.incident_id')
      .selectAll('t')
      .select([
        'i.team as cur_team',
        'i.owner_id as cur_owner_id',
        'i.reporter_id as cur_reporter_id',
        'i.participants as cur_participants',
      ])
      .where('t.id', '>', afterId)
      .orderBy('t.id')
      .limit(limit)
      .execute();
  }

  async lastEventId(): Promise<number> {
    const row = await this.db
      .selectFrom('timeline')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst();
    return Number(row?.max ?? 0);
  }
}
