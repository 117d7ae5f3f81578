import {
  ATTACHMENT_TYPES,
  CrmSchema,
  CustomerSchema,
  EntryVisibilitySchema,
  formatRef,
  type FullIncidentEvent,
  type Incident,
  type IncidentChange,
  type IncidentFacts,
  type IncidentOutline,
  type IncidentSummary,
  SeveritySchema,
  StatusSchema,
  StepSchema,
  type SummaryIncidentEvent,
  type TimelineEntry,
  TimelineKindSchema,
  type UserRef,
} from '@handoff/shared';
import { z } from 'zod';
import type { EventRow, IncidentRow, TimelineRow } from './schema.js';

/**
 * The one codec between incident rows and what the API sends: every output shape of an
 * incident (outline, summary, whole, change, event) is built here and nowhere else.
 */

const MediaTypeSchema = z.enum(ATTACHMENT_TYPES);
const StringMap = z.record(z.string(), z.string());
const IdList = z.array(z.number().int());
const json = <T>(schema: z.ZodType<T>, text: string): T => schema.parse(JSON.parse(text));

export type Users = Map<number, UserRef>;
const userRef = (users: Users, id: number): UserRef => users.get(id) ?? { id, name: `user #${id}` };

export const participantIds = (text: string): number[] => json(IdList, text);

/** What decides who sees an incident, from its row. */
export function factsOfRow(row: Pick<IncidentRow, 'team' | 'reporter_id' | 'owner_id' | 'participants'>): IncidentFacts {
  return { team: row.team, reporterId: row.reporter_id, ownerId: row.owner_id, participantIds: participantIds(row.participants) };
}

/** The user ids a row's outputs name (to look their names up in one go). */
export const namedUsers = (row: IncidentRow): number[] => [
  row.reporter_id,
  ...(row.owner_id === null ? [] : [row.owner_id]),
  ...participantIds(row.participants),
];

export function toOutline(row: IncidentRow, users: Users, prefix: string): IncidentOutline {
  return {
    access: 'summary',
    reference: formatRef(row.id, prefix),
    title: row.title,
    status: StatusSchema.parse(row.status),
    team: row.team,
    owner: row.owner_id === null ? null : userRef(users, row.owner_id),
    affectedCustomers: row.affected_customers,
    workaround: row.workaround,
    fixedInVersion: row.fixed_in_version,
    duplicateOf: row.duplicate_of === null ? null : formatRef(row.duplicate_of, prefix),
    updatedAt: row.updated_at,
  };
}

export function toSummary(row: IncidentRow, users: Users, prefix: string): IncidentSummary {
  return {
    access: 'full',
    reference: formatRef(row.id, prefix),
    title: row.title,
    category: row.category,
    product: row.product,
    version: row.version,
    component: row.component,
    severity: SeveritySchema.parse(row.severity),
    status: StatusSchema.parse(row.status),
    team: row.team,
    owner: row.owner_id === null ? null : userRef(users, row.owner_id),
    reporter: userRef(users, row.reporter_id),
    workaround: row.workaround,
    affectedCustomers: row.affected_customers,
    duplicateOf: row.duplicate_of === null ? null : formatRef(row.duplicate_of, prefix),
    fixedInVersion: row.fixed_in_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toTimelineEntry(row: TimelineRow, users: Users): TimelineEntry {
  return {
    id: row.id,
    at: row.at,
    actor: userRef(users, row.actor_id),
    kind: TimelineKindSchema.parse(row.kind),
    text: row.text,
    data: z.record(z.string(), z.unknown()).parse(JSON.parse(row.data)),
    visibility: EntryVisibilitySchema.parse(row.visibility),
  };
}

export function toIncident(
  row: IncidentRow,
  timeline: { rows: TimelineRow[]; earlier: boolean },
  attachments: { id: number; name: string; media_type: string; size: number }[],
  users: Users,
  prefix: string,
): Incident {
  return {
    ...toSummary(row, users, prefix),
    description: row.description,
    answers: json(StringMap, row.answers),
    templateVersion: row.template_version,
    environment: json(StringMap, row.environment),
    customer: json(CustomerSchema, row.customer),
    crm: json(CrmSchema, row.crm),
    steps: json(z.array(StepSchema), row.steps),
    reproducedByAgent: row.reproduced_by_agent === 1,
    attachments: attachments.map((a) => ({ id: a.id, name: a.name, mediaType: MediaTypeSchema.parse(a.media_type), size: a.size })),
    participants: participantIds(row.participants).map((id) => userRef(users, id)),
    timeline: timeline.rows.map((t) => toTimelineEntry(t, users)),
    earlierTimeline: timeline.earlier,
  };
}

export function toChange(row: IncidentRow, entries: TimelineRow[], users: Users, prefix: string): IncidentChange {
  return {
    reference: formatRef(row.id, prefix),
    title: row.title,
    status: StatusSchema.parse(row.status),
    team: row.team,
    owner: row.owner_id === null ? null : userRef(users, row.owner_id),
    affectedCustomers: row.affected_customers,
    duplicateOf: row.duplicate_of === null ? null : formatRef(row.duplicate_of, prefix),
    fixedInVersion: row.fixed_in_version,
    updatedAt: row.updated_at,
    participants: participantIds(row.participants).map((id) => userRef(users, id)),
    entries: entries.map((e) => toTimelineEntry(e, users)),
  };
}

/** An event as someone who may see the incident in full receives it. */
export function toFullEvent(row: TimelineRow, users: Users, prefix: string): FullIncidentEvent {
  return {
    ...toSummaryEvent(row, users, prefix),
    access: 'full',
    text: row.text,
    data: z.record(z.string(), z.unknown()).parse(JSON.parse(row.data)),
    actor: userRef(users, row.actor_id),
    reporter: userRef(users, row.reporter_id),
    visibility: EntryVisibilitySchema.parse(row.visibility),
  };
}

/** An event of another team's incident, followed by reference: what changed, not what was written. */
export function toSummaryEvent(row: TimelineRow, users: Users, prefix: string): SummaryIncidentEvent {
  return {
    access: 'summary',
    id: String(row.id),
    at: row.at,
    reference: formatRef(row.incident_id, prefix),
    kind: TimelineKindSchema.parse(row.kind),
    title: row.title,
    status: StatusSchema.parse(row.status),
    team: row.team,
    owner: row.owner_id === null ? null : userRef(users, row.owner_id),
  };
}

/** The current facts of an event row's incident. */
export function factsOfEvent(row: EventRow): IncidentFacts {
  return {
    team: row.cur_team,
    reporterId: row.cur_reporter_id,
    ownerId: row.cur_owner_id,
    participantIds: participantIds(row.cur_participants),
  };
}
