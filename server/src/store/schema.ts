import type { Generated, Insertable, Selectable } from 'kysely';

/** Column types shared by both engines: JSON is stored as text, booleans as 0/1, times as ISO text. */
export interface UsersTable {
  id: Generated<number>;
  name: string;
  role: string;
  teams: string;
  /** Unused since tokens have their own table (kept: the column is NOT NULL UNIQUE). */
  token_hash: string;
  created_at: string;
  /** Set while the account is deactivated: none of its tokens works. */
  deactivated_at: string | null;
}

/** Personal API tokens; a person may have several (one per device), each revocable. */
export interface TokensTable {
  id: Generated<number>;
  user_id: number;
  label: string;
  token_hash: string;
  created_at: string;
  created_by: number | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Who changed what in the administration, when, with the state before and after (JSON). */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  target: string;
  before: string | null;
  after: string | null;
}

/** A team's taught fields for one helpdesk site (shared by a lead; read by the team's extensions). */
export interface CrmMappingsTable {
  team: string;
  origin: string;
  /** JSON: the taught fields (shared CrmMappingSchema's `fields`). */
  fields: string;
  updated_at: string;
  updated_by: number | null;
  updated_by_name: string;
}

export interface TeamsTable {
  id: string;
  name: string;
  /** Support tier: 1 helpdesk, 2 a technical team per area, 3 engineering. */
  tier: Generated<number>;
}

export interface RoutingRulesTable {
  id: Generated<number>;
  category: string | null;
  component: string | null;
  team: string;
}

export interface TemplatesTable {
  category: string;
  version: number;
  label: string;
  questions: string;
  created_at: string;
  /** When L1 should escalate incidents of this category (shown in the side panel). */
  escalate_when: string | null;
  /** Who saved this version (a person's name); null for versions from before it was kept. */
  saved_by: string | null;
}

export interface IncidentsTable {
  id: Generated<number>;
  idempotency_key: string;
  title: string;
  description: string;
  category: string;
  answers: string;
  template_version: number | null;
  product: string;
  version: string;
  component: string | null;
  environment: string;
  customer: string;
  crm: string;
  steps: string;
  reproduced_by_agent: number;
  workaround: string | null;
  severity: string;
  status: string;
  team: string | null;
  owner_id: number | null;
  reporter_id: number;
  affected_customers: number;
  duplicate_of: number | null;
  fixed_in_version: string | null;
  created_at: string;
  updated_at: string;
  /** JSON array of the ids of people asked a question on it (they see it in full). */
  participants: Generated<string>;
  /** How often it moved up a tier (for the leads' insights). */
  escalations: Generated<number>;
  /** The tier of its team when it was fixed (null until then). */
  resolved_tier: number | null;
  /** Normalised text for full-text search (see search.ts); derived from title / body. */
  search_title: string;
  search_body: string;
  /** When it was last closed (null while not closed): retention counts from here. */
  closed_at: Generated<string | null>;
  /** When retention erased its customers' personal data. */
  personal_data_erased_at: Generated<string | null>;
}

/** Append-only: every change of an incident is one row; its id is the live event id. */
export interface TimelineTable {
  id: Generated<number>;
  incident_id: number;
  at: string;
  actor_id: number;
  kind: string;
  text: string;
  data: string;
  /** Snapshot of the incident right after this change, so an event needs no join. */
  status: string;
  team: string | null;
  owner_id: number | null;
  reporter_id: number;
  title: string;
  /** 'internal' (staff only) or 'customer' (also on the customer's page). */
  visibility: Generated<string>;
}

/** A link to the customer's page of an incident; its token is stored hashed. */
export interface SharesTable {
  id: Generated<number>;
  incident_id: number;
  token_hash: string;
  email: string | null;
  created_by: number;
  created_at: string;
  revoked_at: string | null;
  evaluation_rating: number | null;
  evaluation_comment: string | null;
  evaluated_at: string | null;
}

/** A staff member's own mail settings: where, and about which incidents. */
export interface StaffMailTable {
  user_id: number;
  email: string | null;
  mode: 'off' | 'mine' | 'teams';
  lang: string;
  updated_at: string;
}

/** A staff member's personal feed token (hashed). */
export interface FeedTokensTable {
  user_id: number;
  token_hash: string;
  created_at: string;
}

export interface AttachmentsTable {
  id: Generated<number>;
  incident_id: number;
  name: string;
  media_type: string;
  size: number;
  data_base64: string;
}

export interface AffectedCustomersTable {
  id: Generated<number>;
  incident_id: number;
  idempotency_key: string;
  customer: string;
  crm: string;
  note: string | null;
  created_at: string;
}

export interface ReleasesTable {
  id: Generated<number>;
  version: string;
  planned_date: string;
  notes: string;
  status: string;
  created_by: number;
  created_at: string;
  shipped_at: string | null;
}

export interface ReleaseItemsTable {
  id: Generated<number>;
  release_id: number;
  kind: string;
  incident_id: number | null;
  text: string;
}

export interface ReleaseFeedbackTable {
  id: Generated<number>;
  release_id: number;
  item_id: number | null;
  reviewer_id: number;
  verdict: string;
  text: string;
  created_at: string;
}

/** Append-only log of release changes; its id is the live release event id. */
export interface ReleaseLogTable {
  id: Generated<number>;
  release_id: number;
  version: string;
  kind: string;
  text: string;
  actor_id: number;
  at: string;
}

/** SQLite only: incidents whose search text changed and is not yet in the FTS index. */
export interface SearchOutboxTable {
  incident_id: number;
}

/** A recorded reproduction of an incident (Recorder JSON). */
export interface RecordingsTable {
  incident_id: number;
  recording: string;
  created_at: string;
}

export interface SlaCalendarsTable {
  id: string;
  name: string;
  /** The calendar as validated by CalendarInputSchema (JSON). */
  definition: string;
  updated_at: string;
}

export interface SlaPlansTable {
  id: string;
  name: string;
}

export interface CustomerPlansTable {
  org: string;
  plan: string;
}

export interface SlaPoliciesTable {
  id: string;
  name: string;
  severity: string;
  /** '' for customers without a plan-specific policy. */
  plan: string;
  calendar: string;
  /** The policy as validated by PolicyInputSchema (JSON). */
  definition: string;
  updated_at: string;
}

/** One promise on one incident; see sla/timer.ts. Times are ISO text. */
export interface SlaTimersTable {
  incident_id: number;
  kind: string;
  policy_id: string;
  target_ms: number;
  warn_ms: number;
  consumed_ms: number;
  running_since: string | null;
  due_at: string | null;
  warn_at: string | null;
  warned_at: string | null;
  breached_at: string | null;
  met_at: string | null;
  /** The earlier of an unraised warning and an unraised breach: what the scheduler looks for. */
  next_fire_at: string | null;
}

/** One erasure of personal data; its id is the N of the placeholder "erased customer #N". */
export interface CustomerErasuresTable {
  id: Generated<number>;
  at: string;
  /** Who erased; null for the retention policy. */
  actor_id: number | null;
  trigger: 'request' | 'retention';
  reason: string;
  incidents: number;
}

export interface RetentionScheduleTable {
  job: string;
  due_at: string;
  last_run_at: string | null;
}

/** The staff console's signed-in sessions (see web/console/sessions.ts). */
export interface ConsoleSessionsTable {
  id_hash: string;
  user_id: number;
  token_hash: string;
  csrf: string;
  created_at: string;
  expires_at: string;
}

export interface KnownSolutionsTable {
  group_id: number;
  solution: string;
  customer_answer: string | null;
  recorded_by: number;
  recorded_at: string;
  published_at: string | null;
}

export interface KnownSolutionUsesTable {
  id: Generated<number>;
  incident_id: number;
  group_id: number;
  actor_id: number;
  at: string;
}

/** A customer's subscription to e-mail updates of one share link's incident (see mail/). */
export interface MailSubscriptionsTable {
  id: Generated<number>;
  share_id: number;
  incident_id: number;
  /** Null once erased. */
  email: string | null;
  lang: string;
  status: 'pending' | 'confirmed' | 'unsubscribed';
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

/** One mail to send: written with the change, delivered once by the mail scheduler. */
export interface MailOutboxTable {
  id: Generated<number>;
  /** The customer's subscription; 0 for a staff mail (then `user_id` says whose). */
  subscription_id: number;
  incident_id: number;
  kind: 'confirm' | 'update' | 'staff';
  /** JSON array of the timeline entries it tells about (a burst of changes is one mail). */
  entry_ids: string;
  /** The address (copied at sending time; null once erased). */
  recipient: string | null;
  lang: string;
  state: 'pending' | 'sending' | 'sent' | 'failed';
  due_at: string;
  lease_until: string | null;
  attempts: number;
  last_error: string | null;
  link_hash: string | null;
  created_at: string;
  sent_at: string | null;
  via: 'smtp' | 'folder' | null;
  /** The staff member a `staff` mail goes to (null for customers' mails). */
  user_id: number | null;
  /** When an erasure reached the mail after it was written (its .eml copy, if any, is removed). */
  erased_at: string | null;
}

export interface UpgradeWarningsTable {
  id: Generated<number>;
  product: string;
  version: string;
  /** JSON array: the teams holding the version's incidents (whose leads are told). */
  teams: string;
  /** JSON: the UpgradeWarning as it was when raised. */
  warning: string;
  raised_at: string;
}

/**
 * Insight rollup: one narrow row per incident, kept in the write transaction of every change
 * (see insightRollups.ts). Holds no personal data: no customer, no text — only what the leads'
 * insights count by. Times are epoch milliseconds (hours are computed from them exactly as from
 * the ISO times).
 */
export interface InsightFactsTable {
  incident_id: number;
  created_at: string;
  created_ms: number;
  team: string | null;
  product: string;
  version: string;
  category: string;
  component: string | null;
  status: string;
  /** The problem group: the original's id (its own id for an original). */
  group_id: number;
  is_duplicate: number;
  has_workaround: number;
  affected_customers: number;
  escalations: number;
  reporter_id: number;
  /** 1 once any entry that counts as a response (by anyone) was appended. */
  any_response: number;
  responded_ms: number | null;
  fixed_ms: number | null;
  closed_ms: number | null;
}

/** Insight rollup: the status spans of every incident (where it waited, and how long); the last one is open. */
export interface InsightSpansTable {
  id: Generated<number>;
  incident_id: number;
  status: string;
  started_ms: number;
  /** Milliseconds spent, once the next status change ended the span (null while open). */
  duration_ms: number | null;
}

/** Insight rollup: each incident's environment pairs (rewritten when its environment changes or is scrubbed). */
export interface InsightEnvTable {
  incident_id: number;
  key: string;
  value: string;
}

/** One row (id 1): moved by triggers whenever cached configuration changes (migration 0021). */
export interface ConfigGenerationTable {
  id: number;
  n: number | string;
}

export interface Database {
  config_generation: ConfigGenerationTable;
  insight_env: InsightEnvTable;
  insight_facts: InsightFactsTable;
  insight_spans: InsightSpansTable;
  upgrade_warnings: UpgradeWarningsTable;
  crm_mappings: CrmMappingsTable;
  recordings: RecordingsTable;
  sla_calendars: SlaCalendarsTable;
  sla_plans: SlaPlansTable;
  customer_plans: CustomerPlansTable;
  sla_policies: SlaPoliciesTable;
  sla_timers: SlaTimersTable;
  customer_erasures: CustomerErasuresTable;
  retention_schedule: RetentionScheduleTable;
  shares: SharesTable;
  mail_subscriptions: MailSubscriptionsTable;
  mail_outbox: MailOutboxTable;
  staff_mail: StaffMailTable;
  feed_tokens: FeedTokensTable;
  console_sessions: ConsoleSessionsTable;
  known_solutions: KnownSolutionsTable;
  known_solution_uses: KnownSolutionUsesTable;
  search_outbox: SearchOutboxTable;
  releases: ReleasesTable;
  release_items: ReleaseItemsTable;
  release_feedback: ReleaseFeedbackTable;
  release_log: ReleaseLogTable;
  users: UsersTable;
  tokens: TokensTable;
  audit_log: AuditLogTable;
  teams: TeamsTable;
  routing_rules: RoutingRulesTable;
  templates: TemplatesTable;
  incidents: IncidentsTable;
  timeline: TimelineTable;
  attachments: AttachmentsTable;
  affected_customers: AffectedCustomersTable;
}

export type IncidentRow = Selectable<IncidentsTable>;
export type NewIncidentRow = Insertable<IncidentsTable>;
export type TimelineRow = Selectable<TimelineTable>;
/** A timeline row with its incident's current facts (who may see it is decided on those). */
export type EventRow = TimelineRow & {
  cur_team: string | null;
  cur_owner_id: number | null;
  cur_reporter_id: number;
  cur_participants: string;
};
export type ReleaseLogRow = Selectable<ReleaseLogTable>;
export type UserRow = Selectable<UsersTable>;
export type SlaTimerRow = Selectable<SlaTimersTable>;
export type ShareRow = Selectable<SharesTable>;
export type Engine = 'sqlite' | 'postgres';
export type MailSubscriptionRow = Selectable<MailSubscriptionsTable>;
export type MailOutboxRow = Selectable<MailOutboxTable>;
export type StaffMailRow = Selectable<StaffMailTable>;
