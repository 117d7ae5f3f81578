import { CUSTOMER_ACTOR_ID, type IncidentSla, StatusSchema, type Status } from '@handoff/shared';
import type { Kysely } from 'kysely';
import type { Database, IncidentRow, ShareRow, TimelineRow } from '../../store/schema.js';
import type { Store } from '../../store/store.js';

/**
 * What the customer's page shows — built only from what the customer may see: entries marked
 * for the customer, and status milestones without their (internal) wording. Nothing else of
 * the timeline, no e-mail addresses, no attachments.
 */
export interface CustomerEntry {
  id: number;
  at: string;
  /** `message`: a staff comment for the customer; `yours`: the customer's; `status`: a milestone. */
  kind: 'message' | 'yours' | 'status' | 'evaluation';
  author: string | null;
  text: string | null;
  status: Status | null;
  rating: number | null;
  /** The customer's image on their comment (an attachment of the incident), if any. */
  imageId: number | null;
}

export interface Milestone {
  key: 'reported' | 'confirmed' | 'working' | 'fixed' | 'verified' | 'closed';
  /** When it was reached; null for one still ahead. */
  at: string | null;
  /** For a milestone ahead: when it is expected (the planned release's date), if known. */
  expected: string | null;
}

export interface CustomerPageModel {
  reference: string;
  title: string;
  status: Status;
  team: string | null;
  owner: string | null;
  contact: string;
  entries: CustomerEntry[];
  milestones: Milestone[];
  next: {
    release: { version: string; plannedDate: string; shippedAt: string | null } | null;
    fixedIn: string | null;
    /**
     * The promised response time once service levels exist (#10 fills this in); the page shows
     * it when set.
     */
    promisedResponseBy: string | null;
    /**
     * The public known-issues page that answers this problem, when its group (the incident's
     * original) has a customer answer a lead published.
     */
    knownIssue: string | null;
  };
  evaluation: { open: boolean; rating: number | null };
  /** The newest event id the page includes: its live stream continues after it. */
  lastEventId: number;
}

/** Entries the page lists (the newest ones); older ones are in the feed. */
export const PAGE_ENTRIES = 200;
const STATUS_KINDS = ['created', 'status_changed', 'verified'];

/** A timeline row as the customer may see it, or null when it is internal. */
export function customerEntry(
  row: Pick<TimelineRow, 'id' | 'at' | 'kind' | 'text' | 'data' | 'status' | 'visibility' | 'actor_id'>,
  actorName: (id: number) => string,
): CustomerEntry | null {
  const base = { id: row.id, at: row.at, author: null, text: null, status: null, rating: null, imageId: null };
  if (STATUS_KINDS.includes(row.kind)) return { ...base, kind: 'status', status: StatusSchema.parse(row.status) };
  if (row.visibility !== 'customer') return null;
  if (row.kind === 'evaluation') {
    const data = JSON.parse(row.data) as { rating?: number; comment?: string };
    return { ...base, kind: 'evaluation', rating: Number(data.rating), text: data.comment || null };
  }
  if (row.kind === 'customer_comment') {
    const { attachmentId } = JSON.parse(row.data) as { attachmentId?: number };
    return { ...base, kind: 'yours', text: row.text, imageId: typeof attachmentId === 'number' ? attachmentId : null };
  }
  if (row.kind === 'comment') return { ...base, kind: 'message', author: actorName(row.actor_id), text: row.text };
  return null;
}

/** Whether a timeline row can show on the page at all (a cheap first cut for the live stream). */
export const mayShow = (row: Pick<TimelineRow, 'kind' | 'visibility'>) => row.visibility === 'customer' || STATUS_KINDS.includes(row.kind);

const MILESTONE_STATUS: [Milestone['key'], Status][] = [
  ['reported', 'new'],
  ['confirmed', 'triaged'],
  ['working', 'in_progress'],
  ['fixed', 'fixed'],
  ['verified', 'verified'],
  ['closed', 'closed'],
];
const ORDER: Status[] = ['new', 'triaged', 'in_progress', 'fixed', 'verified', 'closed'];

function milestones(entries: CustomerEntry[], current: Status, createdAt: string, releaseDate: string | null): Milestone[] {
  const reached = new Map<Status, string>([['new', createdAt]]);
  for (const e of entries) if (e.kind === 'status' && e.status && !reached.has(e.status)) reached.set(e.status, e.at);
  // A later status implies the earlier ones (an incident may skip "triaged").
  const rank = ORDER.indexOf(current === 'needs_info' ? 'in_progress' : current);
  return MILESTONE_STATUS.map(([key, status]) => {
    const at = reached.get(status) ?? (ORDER.indexOf(status) <= rank ? (reached.get(current) ?? null) : null);
    return { key, at, expected: at === null && key === 'fixed' ? releaseDate : null };
  });
}

/**
 * When the customer was promised the next response: the earliest open first-response or
 * next-update target of a customer-facing service-level policy (internal targets stay internal).
 */
export function promisedResponseBy(sla: IncidentSla | null): string | null {
  if (!sla?.policy.customerFacing) return null;
  const due = sla.targets
    .filter((t) => (t.kind === 'first_response' || t.kind === 'next_update') && t.state !== 'met' && t.dueAt !== null)
    .map((t) => t.dueAt!)
    .sort();
  return due[0] ?? null;
}

/** The product's known-issues page, searched for the problem's title (the published answer's heading). */
export const knownIssueUrl = (product: string, title: string) =>
  `/known-issues/${encodeURIComponent(product)}?q=${encodeURIComponent(title.slice(0, 200))}`;

export async function buildPageModel(
  store: Store,
  prefix: string,
  share: ShareRow,
  incident: IncidentRow,
  sla: IncidentSla | null = null,
): Promise<CustomerPageModel> {
  const db: Kysely<Database> = store.db;
  // Read first: an entry committed meanwhile is then both on the page and in the stream (the
  // script skips ids it has), never in neither.
  const lastEventId = await db
    .selectFrom('timeline')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  const group = incident.duplicate_of ?? incident.id;
  const [rows, release, team, known] = await Promise.all([
    db
      .selectFrom('timeline')
      .select(['id', 'at', 'kind', 'text', 'data', 'status', 'visibility', 'actor_id'])
      .where('incident_id', '=', incident.id)
      .where((eb) => eb.or([eb('visibility', '=', 'customer'), eb('kind', 'in', STATUS_KINDS)]))
      .orderBy('id', 'desc')
      .limit(PAGE_ENTRIES)
      .execute(),
    db
      .selectFrom('release_items as ri')
      .innerJoin('releases as r', 'r.id', 'ri.release_id')
      .select(['r.version', 'r.planned_date', 'r.shipped_at'])
      .where('ri.incident_id', '=', incident.id)
      .where('ri.kind', '=', 'fix')
      .orderBy('r.planned_date')
      .limit(1)
      .executeTakeFirst(),
    incident.team === null ? undefined : db.selectFrom('teams').select('name').where('id', '=', incident.team).executeTakeFirst(),
    db
      .selectFrom('known_solutions as k')
      .innerJoin('incidents as i', 'i.id', 'k.group_id')
      .select(['i.product', 'i.title'])
      .where('k.group_id', '=', group)
      .where('k.published_at', 'is not', null)
      .where('k.customer_answer', 'is not', null)
      .executeTakeFirst(),
  ]);
  rows.reverse();
  const users = await store.userRefs([
    incident.reporter_id,
    ...(incident.owner_id === null ? [] : [incident.owner_id]),
    ...rows.map((r) => r.actor_id).filter((id) => id !== CUSTOMER_ACTOR_ID),
  ]);
  const name = (id: number) => users.get(id)?.name ?? '';
  const entries = rows.flatMap((r) => customerEntry(r, name) ?? []);
  const status = StatusSchema.parse(incident.status);
  return {
    reference: `${prefix}-${incident.id}`,
    title: incident.title,
    status,
    team: team?.name ?? incident.team,
    owner: incident.owner_id === null ? null : name(incident.owner_id),
    contact: name(incident.reporter_id),
    entries,
    milestones: milestones(entries, status, incident.created_at, release?.shipped_at ? null : (release?.planned_date ?? null)),
    next: {
      release: release ? { version: release.version, plannedDate: release.planned_date, shippedAt: release.shipped_at } : null,
      fixedIn: incident.fixed_in_version,
      promisedResponseBy: promisedResponseBy(sla),
      knownIssue: known ? knownIssueUrl(known.product, known.title) : null,
    },
    evaluation: {
      open: (status === 'verified' || status === 'closed') && share.evaluated_at === null,
      rating: share.evaluation_rating,
    },
    lastEventId: Number(lastEventId?.max ?? 0),
  };
}
