import {
  formatRef,
  type Release,
  type ReleaseCreateInput,
  type ReleaseEvent,
  type ReleaseFacts,
  StatusSchema,
  type Verdict,
} from '@handoff/shared';
import { badRequest, conflict, isUniqueViolation, notFound } from './errors.js';
import type { IncidentStore } from './incidents.js';
import { participantIds } from './mapping.js';
import type { ReleaseLogRow } from './schema.js';
import type { Store, Trx } from './store.js';

/** A release and what decides who may see it (the incidents it fixes). */
export interface ReleaseWithFacts {
  release: Release;
  facts: ReleaseFacts;
}

/** Releases, their items (fixes and known issues), L1 reviewers' feedback, and the release log. */
export class ReleaseStore {
  constructor(
    private readonly store: Store,
    private readonly incidents: IncidentStore,
  ) {}

  private async releaseId(version: string, db: Trx | Store['db'] = this.store.db) {
    const row = await db.selectFrom('releases').selectAll().where('version', '=', version).executeTakeFirst();
    if (!row) throw notFound(`Release ${version}`);
    return row;
  }

  private log(trx: Trx, release: { id: number; version: string }, kind: ReleaseEvent['kind'], text: string, actorId: number) {
    return trx
      .insertInto('release_log')
      .values({ release_id: release.id, version: release.version, kind, text, actor_id: actorId, at: new Date().toISOString() })
      .execute();
  }

  async create(input: Required<ReleaseCreateInput>, actorId: number): Promise<Release> {
    const fixIds = [...new Set(input.fixes.map((ref, i) => this.incidents.idOf(ref, `fixes.${i}`)))];
    for (const id of fixIds) await this.incidents.row(id); // NOT_FOUND names the reference
    try {
      await this.store.write(async (trx) => {
        const release = await trx
          .insertInto('releases')
          .values({
            version: input.version,
            planned_date: input.plannedDate,
            notes: input.notes,
            status: 'planned',
            created_by: actorId,
            created_at: new Date().toISOString(),
            shipped_at: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        // Incidents already marked fixed in this version belong to it as well.
        const fixedHere = await trx.selectFrom('incidents').select('id').where('fixed_in_version', '=', input.version).execute();
        const all = [...new Set([...fixIds, ...fixedHere.map((r) => r.id)])];
        const items = [
          ...all.map((id) => ({ release_id: release.id, kind: 'fix', incident_id: id, text: '' })),
          ...input.knownIssues.map((text) => ({ release_id: release.id, kind: 'known_issue', incident_id: null, text })),
        ];
        if (items.length) await trx.insertInto('release_items').values(items).execute();
        await this.log(trx, release, 'created', `Release ${release.version} planned for ${release.planned_date}`, actorId);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`version: release ${input.version} exists already.`);
      throw err;
    }
    return (await this.get(input.version)).release;
  }

  async get(version: string): Promise<ReleaseWithFacts> {
    const [release] = await this.load([await this.releaseId(version)]);
    return release!;
  }

  async list(status?: 'planned' | 'shipped'): Promise<ReleaseWithFacts[]> {
    let q = this.store.db.selectFrom('releases').selectAll();
    if (status) q = q.where('status', '=', status);
    return this.load(
      await q
        .orderBy('planned_date', status === 'shipped' ? 'desc' : 'asc')
        .orderBy('id')
        .limit(100)
        .execute(),
    );
  }

  private async load(
    rows: {
      id: number;
      version: string;
      planned_date: string;
      notes: string;
      status: string;
      created_by: number;
      created_at: string;
      shipped_at: string | null;
    }[],
  ): Promise<ReleaseWithFacts[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const db = this.store.db;
    const [items, feedback] = await Promise.all([
      db
        .selectFrom('release_items as i')
        .leftJoin('incidents as inc', 'inc.id', 'i.incident_id')
        .select([
          'i.id',
          'i.release_id',
          'i.kind',
          'i.incident_id',
          'i.text',
          'inc.title',
          'inc.status',
          'inc.reporter_id',
          'inc.affected_customers',
          'inc.team',
          'inc.owner_id',
          'inc.participants',
        ])
        .where('i.release_id', 'in', ids)
        .orderBy('i.id')
        .execute(),
      db.selectFrom('release_feedback').selectAll().where('release_id', 'in', ids).orderBy('id').execute(),
    ]);
    const users = await this.store.userRefs([
      ...rows.map((r) => r.created_by),
      ...feedback.map((f) => f.reviewer_id),
      ...items.flatMap((i) => (i.reporter_id === null ? [] : [i.reporter_id])),
    ]);
    const factsOf = (releaseId: number): ReleaseFacts => ({
      fixes: items.flatMap((i) =>
        i.release_id === releaseId && i.reporter_id !== null && i.participants !== null
          ? [{ team: i.team, reporterId: i.reporter_id, ownerId: i.owner_id, participantIds: participantIds(i.participants) }]
          : [],
      ),
    });
    return rows.map((r) => ({ release: this.toRelease(r, items, feedback, users), facts: factsOf(r.id) }));
  }

  private toRelease(
    r: Parameters<ReleaseStore['load']>[0][number],
    items: {
      id: number;
      release_id: number;
      kind: string;
      incident_id: number | null;
      text: string;
      title: string | null;
      status: string | null;
      reporter_id: number | null;
      affected_customers: number | null;
    }[],
    feedback: {
      id: number;
      release_id: number;
      item_id: number | null;
      reviewer_id: number;
      verdict: string;
      text: string;
      created_at: string;
    }[],
    users: Map<number, { id: number; name: string }>,
  ): Release {
    return {
      id: r.id,
      version: r.version,
      plannedDate: r.planned_date,
      notes: r.notes,
      status: r.status === 'shipped' ? 'shipped' : 'planned',
      createdBy: users.get(r.created_by)!,
      createdAt: r.created_at,
      shippedAt: r.shipped_at,
      items: items
        .filter((i) => i.release_id === r.id)
        .map((i) => ({
          id: i.id,
          kind: i.kind === 'fix' ? 'fix' : 'known_issue',
          text: i.text,
          incident:
            i.incident_id === null || i.title === null
              ? null
              : {
                  reference: formatRef(i.incident_id, this.incidents.prefix),
                  title: i.title,
                  status: StatusSchema.parse(i.status),
                  reporter: users.get(i.reporter_id!)!,
                  affectedCustomers: i.affected_customers ?? 1,
                },
        })),
      feedback: feedback
        .filter((f) => f.release_id === r.id)
        .map((f) => ({
          id: f.id,
          itemId: f.item_id,
          reviewer: users.get(f.reviewer_id)!,
          verdict: f.verdict === 'concern' ? 'concern' : 'ready',
          text: f.text,
          at: f.created_at,
        })),
    };
  }

  /** What decides who may see each of these releases (for filtering live release events). */
  async factsFor(releaseIds: number[]): Promise<Map<number, ReleaseFacts>> {
    const rows = await this.store.db
      .selectFrom('release_items as i')
      .innerJoin('incidents as inc', 'inc.id', 'i.incident_id')
      .select(['i.release_id', 'inc.team', 'inc.reporter_id', 'inc.owner_id', 'inc.participants'])
      .where('i.release_id', 'in', releaseIds)
      .execute();
    const out = new Map<number, ReleaseFacts>(releaseIds.map((id) => [id, { fixes: [] }]));
    for (const r of rows) {
      (out.get(r.release_id)!.fixes as ReleaseFacts['fixes'][number][]).push({
        team: r.team,
        reporterId: r.reporter_id,
        ownerId: r.owner_id,
        participantIds: participantIds(r.participants),
      });
    }
    return out;
  }

  async feedback(
    input: { version: string; itemId?: number | undefined; verdict: Verdict; text: string },
    actorId: number,
  ): Promise<Release> {
    await this.store.write(async (trx) => {
      const release = await this.releaseId(input.version, trx);
      if (release.status === 'shipped')
        throw badRequest(`version: release ${input.version} has shipped; feedback is for upcoming releases.`);
      if (input.itemId !== undefined) {
        const item = await trx
          .selectFrom('release_items')
          .select('id')
          .where('id', '=', input.itemId)
          .where('release_id', '=', release.id)
          .executeTakeFirst();
        if (!item) throw badRequest(`itemId: release ${input.version} has no item ${input.itemId}.`);
      }
      await trx
        .insertInto('release_feedback')
        .values({
          release_id: release.id,
          item_id: input.itemId ?? null,
          reviewer_id: actorId,
          verdict: input.verdict,
          text: input.text,
          created_at: new Date().toISOString(),
        })
        .execute();
      const about = input.itemId === undefined ? 'the release' : `item ${input.itemId}`;
      await this.log(
        trx,
        release,
        'feedback',
        `${input.verdict === 'ready' ? 'Ready' : 'Concern'} on ${about}${input.text ? `: ${input.text}` : ''}`,
        actorId,
      );
    });
    return (await this.get(input.version)).release;
  }

  /** Marks the release shipped and tells every fixed incident (and so its agent) on its timeline. */
  async ship(version: string, actorId: number): Promise<Release> {
    await this.store.write(async (trx) => {
      const release = await this.releaseId(version, trx);
      if (release.status === 'shipped') throw badRequest(`version: release ${version} was already shipped at ${release.shipped_at}.`);
      await trx
        .updateTable('releases')
        .set({ status: 'shipped', shipped_at: new Date().toISOString() })
        .where('id', '=', release.id)
        .execute();
      const fixes = await trx
        .selectFrom('release_items')
        .select('incident_id')
        .where('release_id', '=', release.id)
        .where('kind', '=', 'fix')
        .execute();
      for (const { incident_id } of fixes) {
        const row = await trx.selectFrom('incidents').selectAll().where('id', '=', incident_id!).executeTakeFirstOrThrow();
        await this.incidents.applyChange(trx, row, actorId, {
          kind: 'released',
          text: `Release ${version} shipped with the fix — tell the customer and verify it with them`,
          data: { version },
        });
      }
      await this.log(trx, release, 'shipped', `Release ${version} shipped (${fixes.length} fix${fixes.length === 1 ? '' : 'es'})`, actorId);
    });
    return (await this.get(version)).release;
  }

  eventsAfter(afterId: number, limit: number): Promise<ReleaseLogRow[]> {
    return this.store.db.selectFrom('release_log').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  }

  async lastEventId(): Promise<number> {
    const row = await this.store.db
      .selectFrom('release_log')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst();
    return Number(row?.max ?? 0);
  }
}
