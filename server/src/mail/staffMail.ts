import { type AccessPolicy, DEFAULT_POLICY, type SetStaffMailSettingsInput, type StaffMailSettings, incidentAccess } from '@handoff/shared';
import { type Actor, recordAudit } from '../store/admin.js';
import { notFound } from '../store/errors.js';
import type { StaffMailRow, TimelineRow } from '../store/schema.js';
import { type Store, type Trx, toUser } from '../store/store.js';
import type { TimelineSubject } from '../store/incidents.js';

const toSettings = (userId: number, row: StaffMailRow | undefined): StaffMailSettings => ({
  userId,
  email: row?.email ?? null,
  mode: row?.mode ?? 'off',
  lang: row?.lang === 'de' || row?.lang === 'fr' ? row.lang : 'en',
});

/**
 * Staff members' own mail settings, and who of them hears of a change. A staff address is the
 * person's own, not a customer's: it lives here, apart from everything a customer export collects.
 */
export class StaffMail {
  constructor(
    private readonly store: Store,
    readonly policy: () => AccessPolicy = () => DEFAULT_POLICY,
  ) {}

  async settings(userId: number): Promise<StaffMailSettings> {
    if (!(await this.store.userById(userId))) throw notFound(`User ${userId}`);
    const row = await this.store.db.selectFrom('staff_mail').selectAll().where('user_id', '=', userId).executeTakeFirst();
    return toSettings(userId, row);
  }

  /** Saves the settings; a change to someone else's (an admin's) is audited. */
  async set(userId: number, input: Omit<SetStaffMailSettingsInput, 'userId'>, actor: Actor): Promise<StaffMailSettings> {
    if (!(await this.store.userById(userId))) throw notFound(`User ${userId}`);
    return this.store.write(async (trx) => {
      const before = await trx.selectFrom('staff_mail').selectAll().where('user_id', '=', userId).executeTakeFirst();
      const values = { email: input.email, mode: input.mode, lang: input.lang, updated_at: new Date().toISOString() };
      if (before) await trx.updateTable('staff_mail').set(values).where('user_id', '=', userId).execute();
      else
        await trx
          .insertInto('staff_mail')
          .values({ user_id: userId, ...values })
          .execute();
      // Mails not yet sent follow the new choice: "off" drops them.
      if (input.mode === 'off') await this.dropPending(trx, userId);
      const after = toSettings(userId, { user_id: userId, ...values });
      if (actor.id !== userId) await recordAudit(trx, actor, 'user.mailSettings', `user ${userId}`, toSettings(userId, before), after);
      return after;
    });
  }

  /** The unsubscribe link of a staff mail: mail off, the address kept for when they opt in again. */
  async unsubscribe(userId: number): Promise<void> {
    await this.store.write(async (trx) => {
      await trx
        .updateTable('staff_mail')
        .set({ mode: 'off', updated_at: new Date().toISOString() })
        .where('user_id', '=', userId)
        .execute();
      await this.dropPending(trx, userId);
    });
  }

  private async dropPending(trx: Trx, userId: number): Promise<void> {
    await trx.deleteFrom('mail_outbox').where('user_id', '=', userId).where('state', '=', 'pending').execute();
  }

  private optedIn(db: Trx) {
    return db
      .selectFrom('staff_mail as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.name', 'u.role', 'u.teams', 'm.mode', 'm.lang'])
      .where('m.mode', '!=', 'off')
      .where('m.email', 'is not', null)
      .where('u.deactivated_at', 'is', null)
      .execute();
  }

  /**
   * Who of the staff who opted in hears of this entry: the reporter and owner ("mine") and, at a
   * close, everyone it names (commenters); also the
   * members of its team ("teams") — each only while they see the incident in full, never the
   * person who made the change, and never a deactivated account.
   */
  async recipients(
    trx: Trx,
    incident: TimelineSubject,
    entry: Pick<TimelineRow, 'actor_id' | 'data'>,
  ): Promise<{ userId: number; lang: string }[]> {
    const config = this.store.config;
    // In a batch of creates (which change no settings) who opted in is cached.
    const rows = config.trusts(trx) ? await config.get('staff-mail', () => this.optedIn(trx)) : await this.optedIn(trx);
    if (rows.length === 0) return [];
    const current = await trx.selectFrom('incidents').select('participants').where('id', '=', incident.id).executeTakeFirst();
    const facts = {
      team: incident.team,
      reporterId: incident.reporter_id,
      ownerId: incident.owner_id,
      participantIds: JSON.parse(current?.participants ?? '[]') as number[],
    };
    // A close names everyone involved (commenters too): they are told as if it were theirs.
    const notify = (JSON.parse(entry.data) as { notify?: unknown }).notify;
    const named = Array.isArray(notify) ? notify : [];
    return rows.flatMap((r) => {
      const user = toUser(r);
      if (user.id === entry.actor_id) return [];
      const mine = facts.reporterId === user.id || facts.ownerId === user.id || named.includes(user.id);
      const team = r.mode === 'teams' && facts.team !== null && user.teams.includes(facts.team);
      if (!mine && !team) return [];
      if (incidentAccess(user, facts, this.policy()) !== 'full') return [];
      return [{ userId: user.id, lang: r.lang }];
    });
  }
}
