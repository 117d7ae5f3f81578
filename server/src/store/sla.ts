import { type Calendar, CalendarInputSchema, type CustomerPlan, CustomerSchema, type Policy, PolicyInputSchema } from '@handoff/shared';
import type { Kysely } from 'kysely';
import { BusinessCalendar, knownHolidayCountry } from '../sla/calendar.js';
import { badRequest, notFound } from './errors.js';
import type { Database } from './schema.js';
import { log } from '../log.js';
import type { Store, Trx } from './store.js';

type Db = Kysely<Database> | Trx;

/** A policy with the calendar it counts in, ready to compute due times. */
export interface ActivePolicy {
  policy: Policy;
  calendar: BusinessCalendar;
}

/**
 * Service-level configuration: calendars, plans, customers' plans and policies. Writes check
 * what zod cannot (known calendar, known plan, one policy per severity and plan) and answer a
 * 400 naming the field.
 */
export class SlaConfigStore {
  /** Built calendars by id and version (the row's updated_at), so other instances' edits are seen. */
  private readonly calendars = new Map<string, { updatedAt: string; calendar: BusinessCalendar }>();

  constructor(private readonly store: Store) {}

  async listCalendars(): Promise<Calendar[]> {
    const rows = await this.store.db.selectFrom('sla_calendars').selectAll().orderBy('id').execute();
    return rows.map((r) => CalendarInputSchema.parse(JSON.parse(r.definition)));
  }

  async upsertCalendar(calendar: Calendar, trx?: Trx): Promise<Calendar> {
    if (calendar.holidayCountry && !knownHolidayCountry(calendar.holidayCountry)) {
      throw badRequest(
        `holidayCountry: no public holidays are known for "${calendar.holidayCountry}"; use an ISO country code such as "DE".`,
      );
    }
    if (calendar.holidayCountry && calendar.holidayRegion && !knownHolidayCountry(calendar.holidayCountry, calendar.holidayRegion)) {
      throw badRequest(`holidayRegion: "${calendar.holidayRegion}" is not a region of ${calendar.holidayCountry} (e.g. "BY" for Bavaria).`);
    }
    const row = { id: calendar.id, name: calendar.name, definition: JSON.stringify(calendar), updated_at: new Date().toISOString() };
    const write = (t: Trx) =>
      t
        .insertInto('sla_calendars')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: row.name, definition: row.definition, updated_at: row.updated_at }))
        .execute();
    await (trx ? write(trx) : this.store.write(write));
    return calendar;
  }

  async listPlans(): Promise<{ id: string; name: string }[]> {
    return this.store.db.selectFrom('sla_plans').selectAll().orderBy('id').execute();
  }

  async upsertPlan(plan: { id: string; name: string }, trx?: Trx): Promise<{ id: string; name: string }> {
    const write = (t: Trx) =>
      t
        .insertInto('sla_plans')
        .values(plan)
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: plan.name }))
        .execute();
    await (trx ? write(trx) : this.store.write(write));
    return plan;
  }

  async listCustomerPlans(): Promise<CustomerPlan[]> {
    return this.store.db.selectFrom('customer_plans').selectAll().orderBy('org').execute();
  }

  async setCustomerPlan(input: CustomerPlan, trx?: Trx): Promise<CustomerPlan> {
    const write = async (t: Trx) => {
      await this.requirePlan(t, input.plan, 'plan');
      await t
        .insertInto('customer_plans')
        .values(input)
        .onConflict((oc) => oc.column('org').doUpdateSet({ plan: input.plan }))
        .execute();
    };
    await (trx ? write(trx) : this.store.write(write));
    return input;
  }

  /** Takes an organisation off its plan; answers the assignment it removed (404 when it had none). */
  async removeCustomerPlan(org: string, trx: Trx): Promise<CustomerPlan> {
    const current = await trx.selectFrom('customer_plans').selectAll().where('org', '=', org).executeTakeFirst();
    if (!current) throw notFound(`A plan for customer "${org}"`);
    await trx.deleteFrom('customer_plans').where('org', '=', org).execute();
    return current;
  }

  async listPolicies(): Promise<Policy[]> {
    const rows = await this.store.db.selectFrom('sla_policies').selectAll().orderBy('severity').orderBy('plan').execute();
    return rows.map((r) => PolicyInputSchema.parse(JSON.parse(r.definition)));
  }

  /** Checks a policy against the stored calendars, plans and policies (inside the write that stores it). */
  async checkPolicy(trx: Trx, policy: Policy): Promise<void> {
    const cal = await trx.selectFrom('sla_calendars').select('id').where('id', '=', policy.calendar).executeTakeFirst();
    if (!cal) {
      const known = (await trx.selectFrom('sla_calendars').select('id').orderBy('id').execute()).map((c) => c.id).join(', ') || 'none yet';
      throw badRequest(`calendar: unknown calendar "${policy.calendar}". Known calendars: ${known}.`);
    }
    if (policy.plan !== null) await this.requirePlan(trx, policy.plan, 'plan');
    const taken = await trx
      .selectFrom('sla_policies')
      .select('id')
      .where('severity', '=', policy.severity)
      .where('plan', '=', policy.plan ?? '')
      .where('id', '!=', policy.id)
      .executeTakeFirst();
    if (taken) {
      const whom = policy.plan ? `plan "${policy.plan}"` : 'customers without a plan-specific policy';
      throw badRequest(
        `severity: policy "${taken.id}" already covers ${policy.severity} incidents for ${whom}; change that policy instead.`,
      );
    }
  }

  async writePolicy(trx: Trx, policy: Policy): Promise<void> {
    const row = {
      id: policy.id,
      name: policy.name,
      severity: policy.severity,
      plan: policy.plan ?? '',
      calendar: policy.calendar,
      definition: JSON.stringify(policy),
      updated_at: new Date().toISOString(),
    };
    const { id: _id, ...set } = row;
    await trx
      .insertInto('sla_policies')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(set))
      .execute();
  }

  /**
   * The policy for an incident of `severity` whose customer is `customerJson`: the one for the
   * customer organisation's plan if there is one, else the one for customers without a plan.
   */
  async policyFor(db: Db, severity: string, customerJson: string): Promise<ActivePolicy | null> {
    const org = CustomerSchema.safeParse(JSON.parse(customerJson)).data?.org;
    // In a batch of creates (which change no policy) organisations' plans and policies are cached.
    const config = this.store.config;
    if (config.trusts(db)) {
      const plan = org ? await config.get(`plan:${org}`, () => this.planOf(db, org)) : '';
      return config.get(`sla:${severity}\u0000${plan}`, () => this.policyForPlan(db, severity, plan));
    }
    return this.policyForPlan(db, severity, org ? await this.planOf(db, org) : '');
  }

  private async planOf(db: Db, org: string): Promise<string> {
    return (await db.selectFrom('customer_plans').select('plan').where('org', '=', org).executeTakeFirst())?.plan ?? '';
  }

  private async policyForPlan(db: Db, severity: string, plan: string): Promise<ActivePolicy | null> {
    const rows = await db
      .selectFrom('sla_policies')
      .selectAll()
      .where('severity', '=', severity)
      .where('plan', 'in', plan ? [plan, ''] : [''])
      .execute();
    const row = rows.find((r) => r.plan === plan) ?? rows.find((r) => r.plan === '');
    if (!row) return null;
    const policy = PolicyInputSchema.parse(JSON.parse(row.definition));
    return { policy, calendar: await this.calendar(db, policy.calendar) };
  }

  async policyById(db: Db, id: string): Promise<ActivePolicy | null> {
    const row = await db.selectFrom('sla_policies').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const policy = PolicyInputSchema.parse(JSON.parse(row.definition));
    return { policy, calendar: await this.calendar(db, policy.calendar) };
  }

  /**
   * Builds every calendar now, with this year's public holidays where one has them: a server does
   * this before it listens. Loaded on first use instead, the holiday rules (~150 ms of module
   * loading and parsing here, far more on a busy machine) stalled the event loop inside the first
   * create that needed a calendar, with every other request waiting.
   */
  async prepareCalendars(): Promise<void> {
    const today = new Date().toISOString().slice(0, 10);
    for (const { id } of await this.store.db.selectFrom('sla_calendars').select('id').execute()) {
      try {
        (await this.calendar(this.store.db, id)).isClosedDate(today);
      } catch (err) {
        // Only a head start: a calendar that cannot be built now fails where it is used, not the start.
        log.warn({ calendar: id, error: (err as Error).message }, 'a service-level calendar could not be prepared');
      }
    }
  }

  /** The ids of the calendars built so far (tests). */
  get builtCalendars(): string[] {
    return [...this.calendars.keys()].sort();
  }

  private async calendar(db: Db, id: string): Promise<BusinessCalendar> {
    const row = await db.selectFrom('sla_calendars').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const cached = this.calendars.get(id);
    if (cached?.updatedAt === row.updated_at) return cached.calendar;
    const calendar = new BusinessCalendar(CalendarInputSchema.parse(JSON.parse(row.definition)));
    this.calendars.set(id, { updatedAt: row.updated_at, calendar });
    return calendar;
  }

  private async requirePlan(db: Db, plan: string, field: string): Promise<void> {
    const found = await db.selectFrom('sla_plans').select('id').where('id', '=', plan).executeTakeFirst();
    if (!found) {
      const known = (await db.selectFrom('sla_plans').select('id').orderBy('id').execute()).map((p) => p.id).join(', ') || 'none yet';
      throw badRequest(`${field}: unknown plan "${plan}". Known plans: ${known} (add one with sla.plans.upsert).`);
    }
  }
}
