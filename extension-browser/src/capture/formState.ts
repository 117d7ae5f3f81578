import { z } from 'zod';
import {
  AddAffectedCustomerInputSchema,
  AttachmentInputSchema,
  IncidentCreateInputSchema,
  RecordingSchema,
  SEVERITIES,
  keepVisibleAnswers,
  missingRequiredAnswers,
  type IncidentCreateInput,
  type Template,
} from '@handoff/shared';
import { maxLengthOf } from '../api/limits';
import type { TicketContext } from '../crm/ticketContext';

/** The capture form's state; also what a draft stores. Loose on purpose: a draft may be half-filled. */
export const CaptureDraftSchema = z.object({
  idempotencyKey: z.uuid(),
  updatedAt: z.number(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  answers: z.record(z.string(), z.string()),
  product: z.string(),
  version: z.string(),
  component: z.string(),
  environment: z.object({ os: z.string(), browser: z.string(), config: z.string() }),
  customer: z.object({ name: z.string(), email: z.string(), org: z.string() }),
  crm: z.object({ system: z.string(), ticketId: z.string(), url: z.string() }),
  steps: z.array(z.object({ id: z.string(), action: z.string(), expected: z.string(), actual: z.string() })),
  reproducedByAgent: z.boolean(),
  workaround: z.string(),
  severity: z.enum(SEVERITIES),
  attachments: z.array(AttachmentInputSchema).max(5),
  truncated: z.array(z.string()),
  /** A recorded reproduction attached in the review (its steps are in `steps`). */
  recording: RecordingSchema.optional(),
});
export type CaptureDraft = z.infer<typeof CaptureDraftSchema>;
export type DraftStep = CaptureDraft['steps'][number];

export function newStep(): DraftStep {
  return { id: crypto.randomUUID(), action: '', expected: '', actual: '' };
}

/** The customer's own words: their first message, then their latest when the conversation went on. */
export function descriptionOf(ctx: Pick<TicketContext, 'firstMessage' | 'latestMessage'>): string {
  const latest = ctx.latestMessage ?? '';
  const first = ctx.firstMessage ?? '';
  const both = first && latest && first !== latest ? `${first}\n\n${latest}` : first || latest;
  return both.slice(0, DESCRIPTION_MAX); // the form's field takes no more than the server accepts
}

/** A fresh capture pre-filled from the CRM page. */
export function draftFromTicket(ctx: TicketContext, now = Date.now()): CaptureDraft {
  return {
    idempotencyKey: crypto.randomUUID(),
    updatedAt: now,
    title: ctx.subject ?? '',
    description: descriptionOf(ctx),
    category: '',
    answers: {},
    product: '',
    version: '',
    component: '',
    environment: { os: '', browser: '', config: '' },
    customer: { name: ctx.customerName ?? '', email: ctx.customerEmail ?? ctx.emails[0] ?? '', org: ctx.customerOrg ?? '' },
    crm: { system: ctx.crm, ticketId: ctx.ticketId ?? '', url: ctx.url },
    steps: [newStep()],
    reproducedByAgent: false,
    workaround: '',
    severity: 'medium',
    attachments: [],
    truncated: ctx.truncated,
  };
}

/** Moves step `index` by `delta` (−1 up, +1 down); out-of-range moves change nothing. */
export function moveStep(steps: DraftStep[], index: number, delta: number): DraftStep[] {
  const to = index + delta;
  if (index < 0 || index >= steps.length || to < 0 || to >= steps.length) return steps;
  const next = [...steps];
  const [s] = next.splice(index, 1);
  next.splice(to, 0, s!);
  return next;
}

export type FieldErrors = Record<string, string>;

function at(v: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), v);
}

/** The errors still standing after an edit: a field's error goes as soon as the agent changes that field. */
export function errorsAfterEdit(errors: FieldErrors, before: CaptureDraft, after: CaptureDraft): FieldErrors {
  const left = Object.entries(errors).filter(([path]) => JSON.stringify(at(before, path)) === JSON.stringify(at(after, path)));
  return left.length === Object.keys(errors).length ? errors : Object.fromEntries(left);
}
export type BuildResult = { ok: true; input: IncidentCreateInput } | { ok: false; errors: FieldErrors };

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/**
 * Turns the form into `incidents.create` input, or names every field that stops it: the category's
 * required questions are checked here too, so the agent fixes them before anything is sent.
 */
export function buildCreateInput(d: CaptureDraft, template: Template | undefined): BuildResult {
  const errors: FieldErrors = {};
  if (!d.category) errors.category = 'Choose a category';
  if (template) for (const q of missingRequiredAnswers(template, d.answers)) errors[`answers.${q.id}`] = `Required: ${q.text}`;
  const environment: Record<string, string> = {};
  if (d.environment.os.trim()) environment.os = d.environment.os.trim();
  if (d.environment.browser.trim()) environment.browser = d.environment.browser.trim();
  if (d.environment.config.trim()) environment.config = d.environment.config.trim();
  // The draft keeps answers to questions that a changed answer hid (changing it back restores
  // them); only the questions asked are sent.
  const asked = template ? keepVisibleAnswers(template, d.answers) : d.answers;
  const answers = Object.fromEntries(Object.entries(asked).filter(([, v]) => v.trim()));
  const candidate = {
    idempotencyKey: d.idempotencyKey,
    title: d.title,
    description: d.description,
    category: d.category,
    answers,
    product: d.product,
    version: d.version,
    component: opt(d.component),
    environment,
    customer: { name: d.customer.name, email: opt(d.customer.email), org: opt(d.customer.org) },
    crm: { system: d.crm.system, ticketId: opt(d.crm.ticketId), url: /^https?:\/\//.test(d.crm.url) ? d.crm.url : undefined },
    steps: d.steps.filter((s) => s.action.trim()).map((s) => ({ action: s.action, expected: opt(s.expected), actual: opt(s.actual) })),
    reproducedByAgent: d.reproducedByAgent,
    workaround: opt(d.workaround),
    severity: d.severity,
    attachments: d.attachments,
    recording: d.recording,
  };
  const parsed = IncidentCreateInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (!errors[path]) errors[path] = issue.message;
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: candidate as IncidentCreateInput };
}

type TicketField = 'ticketId' | 'subject' | 'customerName' | 'customerEmail' | 'customerOrg' | 'description';
const PLACE: Record<TicketField, (d: CaptureDraft, v: string) => CaptureDraft> = {
  ticketId: (d, v) => ({ ...d, crm: { ...d.crm, ticketId: v } }),
  subject: (d, v) => ({ ...d, title: v }),
  customerName: (d, v) => ({ ...d, customer: { ...d.customer, name: v } }),
  customerEmail: (d, v) => ({ ...d, customer: { ...d.customer, email: v } }),
  customerOrg: (d, v) => ({ ...d, customer: { ...d.customer, org: v } }),
  description: (d, v) => ({ ...d, description: v }),
};
const CURRENT: Record<TicketField, (d: CaptureDraft) => string> = {
  ticketId: (d) => d.crm.ticketId,
  subject: (d) => d.title,
  customerName: (d) => d.customer.name,
  customerEmail: (d) => d.customer.email,
  customerOrg: (d) => d.customer.org,
  description: (d) => d.description,
};
/** What a page read puts into each form field (the same as draftFromTicket does). */
const FROM_PAGE: Record<TicketField, (c: TicketContext) => string> = {
  ticketId: (c) => c.ticketId ?? '',
  subject: (c) => c.subject ?? '',
  customerName: (c) => c.customerName ?? '',
  customerEmail: (c) => c.customerEmail ?? c.emails[0] ?? '',
  customerOrg: (c) => c.customerOrg ?? '',
  description: descriptionOf,
};

/**
 * Brings a re-read page (after teaching a field, or the page changed) into an existing draft. A field takes
 * the page's new value only where the agent left it empty or it still holds what the previous read put
 * there: anything the agent typed stays.
 */
export function applyTicket(d: CaptureDraft, ctx: TicketContext, previous?: TicketContext | null): CaptureDraft {
  let next = d;
  for (const f of Object.keys(PLACE) as TicketField[]) {
    const v = FROM_PAGE[f](ctx);
    const now = CURRENT[f](next);
    if (v && v !== now && (!now.trim() || (previous && now === FROM_PAGE[f](previous)))) next = PLACE[f](next, v);
  }
  return next;
}

const NOTE_MAX = maxLengthOf(AddAffectedCustomerInputSchema.shape.note);
const DESCRIPTION_MAX = maxLengthOf(IncidentCreateInputSchema.shape.description) ?? 5000;

/** `incidents.addAffectedCustomer` input: this customer's case joins an existing incident (same idempotency key as the draft). */
export function linkInput(d: CaptureDraft, ref: string) {
  return {
    ref,
    idempotencyKey: d.idempotencyKey,
    customer: { name: d.customer.name.trim(), email: opt(d.customer.email), org: opt(d.customer.org) },
    crm: { system: d.crm.system, ticketId: opt(d.crm.ticketId), url: /^https?:\/\//.test(d.crm.url) ? d.crm.url : undefined },
    note: opt(d.description.slice(0, NOTE_MAX)),
  };
}
