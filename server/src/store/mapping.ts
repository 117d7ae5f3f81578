import {
  ATTACHMENT_TYPES,
  type Incident,
  type IncidentEvent,
  type IncidentSummary,
  type TimelineEntry,
  type UserRef,
  CrmSchema,
  CustomerSchema,
  formatRef,
  SeveritySchema,
  StatusSchema,
  StepSchema,
  TimelineKindSchema,
} from '@handoff/shared';
import { z } from 'zod';
import type { IncidentRow, TimelineRow } from './schema.js';

const MediaTypeSchema = z.enum(ATTACHMENT_TYPES);
const StringMap = z.record(z.string(), z.string());
const json = <T>(schema: z.ZodType<T>, text: string): T => schema.parse(JSON.parse(text));

export type Users = Map<number, UserRef>;
const userRef = (users: Users, id: number): UserRef => users.get(id) ?? { id, name: `user #${id}` };

export function toSummary(row: IncidentRow, users: Users, prefix: string): IncidentSummary {
  return {
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
  };
}

export function toIncident(
  row: IncidentRow,
  timeline: TimelineRow[],
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
    timeline: timeline.map((t) => toTimelineEntry(t, users)),
  };
}

export function toEvent(row: TimelineRow, users: Users, prefix: string): IncidentEvent {
  return {
    id: String(row.id),
    at: row.at,
    reference: formatRef(row.incident_id, prefix),
    kind: TimelineKindSchema.parse(row.kind),
    text: row.text,
    data: z.record(z.string(), z.unknown()).parse(JSON.parse(row.data)),
    actor: userRef(users, row.actor_id),
    title: row.title,
    status: StatusSchema.parse(row.status),
    team: row.team,
    owner: row.owner_id === null ? null : userRef(users, row.owner_id),
    reporter: userRef(users, row.reporter_id),
  };
}
