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

/** "in 3 h 20 min", "12 min ago" — time left (or overdue) from `now` to `dueAt`, for list lines. */
export function formatTimeLeft(dueAt: string, now: number): { text: string; overdue: boolean } {
  const ms = Date.parse(dueAt) - now;
  const abs = Math.abs(ms);
  const m = Math.floor(abs / 60_000);
  const parts =
    m >= 1440
      ? `${Math.floor(m / 1440)} d ${Math.floor((m % 1440) / 60)} h`
      : m >= 60
        ? `${Math.floor(m / 60)} h ${m % 60} min`
        : `${m} min`;
  return ms >= 0 ? { text: `${parts} left`, overdue: false } : { text: `${parts} overdue`, overdue: true };
}

/** The author of what the server itself records (warnings, breaches, recomputed due times). */
export const SYSTEM_USER = { id: 0, name: 'Handoff' } as const;
