import { z } from 'zod';

/** The three promises a policy makes. */
export const SLA_TARGETS = ['first_response', 'next_update', 'resolution'] as const;
export const SlaTargetKindSchema = z.enum(SLA_TARGETS);
export type SlaTargetKind = z.infer<typeof SlaTargetKindSchema>;

export const SLA_STATES = ['running', 'paused', 'warning', 'breached', 'met'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** One promise on one incident, as every client shows it. */
export const SlaTargetSchema = z.object({
  kind: SlaTargetKindSchema,
  /** When it is due (null while paused or once met). */
  dueAt: z.string().nullable(),
  state: z.enum(SLA_STATES),
  /** When it was met (first response given, update posted, fixed). */
  metAt: z.string().nullable(),
  /** Business milliseconds still left while paused (the clock resumes with them). */
  remainingMs: z.number().nullable(),
});
export type SlaTarget = z.infer<typeof SlaTargetSchema>;

/** The promise that applies to an incident: its policy and each target's state. */
export const IncidentSlaSchema = z.object({
  policy: z.object({ id: z.string(), name: z.string(), customerFacing: z.boolean(), calendar: z.string() }),
  targets: z.array(SlaTargetSchema),
});
export type IncidentSla = z.infer<typeof IncidentSlaSchema>;

/** The next target to watch of an incident (for list lines: time left, colour, sort). */
export function nextTarget(sla: IncidentSla | null | undefined): SlaTarget | null {
  const open = (sla?.targets ?? []).filter((t) => t.dueAt !== null && t.state !== 'met');
  open.sort((a, b) => (a.dueAt! < b.dueAt! ? -1 : a.dueAt! > b.dueAt! ? 1 : 0));
  return open[0] ?? null;
}

/** Time left until (or past) `dueAt` from `now`, in whole days, hours and minutes — clients word it in their language. */
export function timeLeft(dueAt: string, now: number): { overdue: boolean; days: number; hours: number; minutes: number } {
  const ms = Date.parse(dueAt) - now;
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { overdue: ms < 0, days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

export type Urgency = { target: SlaTarget; level: 'ok' | 'warning' | 'breached' };

/** How urgent an incident's promise is now: its next open target, and whether it is past the warning share or breached. */
export function urgencyOf(sla: IncidentSla | null | undefined, now: number): Urgency | null {
  const target = nextTarget(sla);
  if (!target) return null;
  const level =
    target.state === 'breached' || Date.parse(target.dueAt!) <= now ? 'breached' : target.state === 'warning' ? 'warning' : 'ok';
  return { target, level };
}

/** Sort order "most urgent first": the earliest next due time first; incidents without one last, newest updated first. */
export function byUrgency<T extends { sla?: IncidentSla | null | undefined; updatedAt: string }>(a: T, b: T): number {
  const da = nextTarget(a.sla)?.dueAt ?? null;
  const db = nextTarget(b.sla)?.dueAt ?? null;
  if (da !== null && db !== null && da !== db) return da < db ? -1 : 1;
  if (da !== null && db === null) return -1;
  if (da === null && db !== null) return 1;
  return b.updatedAt.localeCompare(a.updatedAt);
}

/** The author of what the server itself records (warnings, breaches, recomputed due times). */
export const SYSTEM_USER = { id: 0, name: 'Handoff' } as const;
