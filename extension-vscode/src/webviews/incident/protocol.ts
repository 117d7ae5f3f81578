// Messages between the incident panel (webview) and the extension. Both sides validate every
// message they receive with these schemas; this file imports only zod and @handoff/shared so the
// webview bundle can use it too. Every limit is the shared contract's own (the schema of the
// procedure the action calls), so the panel never accepts what the server refuses, nor the reverse.
import { z } from 'zod';
import {
  ATTACHMENT_TYPES,
  AskInputSchema,
  CommentInputSchema,
  IncidentOutlineSchema,
  IncidentSchema,
  LinkDuplicateInputSchema,
  RefInputSchema,
  ReproductionInputSchema,
  StatusSchema,
  TransitionInputSchema,
} from '@handoff/shared';

const fixedVersion = TransitionInputSchema.shape.version.unwrap();

/** Actions the panel asks the extension to perform; each carries a request id for its result. */
export const PanelActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assignToMe') }),
  z.object({ type: z.literal('transition'), to: StatusSchema, reason: TransitionInputSchema.shape.reason }),
  z.object({ type: z.literal('ask'), question: AskInputSchema.shape.question }),
  z.object({
    type: z.literal('comment'),
    text: CommentInputSchema.shape.text,
    visibleToCustomer: CommentInputSchema.shape.visibleToCustomer,
  }),
  z.object({
    type: z.literal('reproduction'),
    result: ReproductionInputSchema.shape.result,
    notes: ReproductionInputSchema.shape.notes,
    environment: ReproductionInputSchema.shape.environment,
  }),
  z.object({ type: z.literal('linkDuplicate'), of: LinkDuplicateInputSchema.shape.of }),
  z.object({ type: z.literal('markFixed'), version: fixedVersion }),
  z.object({ type: z.literal('openStepsBeside') }),
  z.object({ type: z.literal('startWork') }),
  z.object({ type: z.literal('refresh') }),
  /** The next page of older timeline entries (`incidents.timeline`). */
  z.object({ type: z.literal('loadEarlier') }),
]);
export type PanelAction = z.infer<typeof PanelActionSchema>;

/** Longest text each box of the panel takes (its `maxlength`), read from the shared schemas. */
export const TEXT_LIMITS = {
  reason: TransitionInputSchema.shape.reason.unwrap().maxLength,
  question: AskInputSchema.shape.question.maxLength,
  comment: CommentInputSchema.shape.text.maxLength,
  notes: ReproductionInputSchema.shape.notes.unwrap().maxLength,
  version: fixedVersion.maxLength,
  reference: LinkDuplicateInputSchema.shape.of.maxLength,
};

/**
 * An action checked against the contract, or its first problem named by its field ("text: must
 * be at most 10000 characters") — the panel shows it at once instead of sending what the server refuses.
 */
export function parseAction(raw: unknown): { ok: true; action: PanelAction } | { ok: false; problem: string } {
  const parsed = PanelActionSchema.safeParse(raw);
  if (parsed.success) return { ok: true, action: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, problem: `${issue.path.map(String).join('.') || 'action'}: ${issue.message}` };
}

export const PanelToExtensionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('rendered'), reference: z.string() }),
  z.object({ type: z.literal('action'), requestId: z.number().int(), action: PanelActionSchema }),
  // the index is checked against the incident's steps where it is used
  z.object({ type: z.literal('stepToggled'), index: z.number().int().min(0), done: z.boolean() }),
  z.object({ type: z.literal('openLink'), url: z.string().regex(/^https?:\/\//i) }),
  z.object({ type: z.literal('loadAttachment'), id: z.number().int() }),
]);
export type PanelToExtension = z.infer<typeof PanelToExtensionSchema>;

/** A screenshot or log, only of the media types the contract allows (so a data: URL stays an image). */
export const AttachmentPayloadSchema = z.object({
  type: z.literal('attachment'),
  id: z.number().int(),
  mediaType: z.enum(ATTACHMENT_TYPES),
  dataBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

/**
 * What the panel offers the signed-in person: the shared permission model's answers (`can`,
 * `allowedTransitions`), worked out by the extension — the panel shows exactly these.
 */
export const PanelOfferSchema = z.object({
  assignToMe: z.boolean(),
  /** Status moves for the select; `fixed` has a form of its own (it needs a version). */
  transitions: z.array(StatusSchema),
  /** Of those, the moves that need a reason (reopening, not reproducible, won't fix). */
  reasonRequired: z.array(StatusSchema),
  markFixed: z.boolean(),
  ask: z.boolean(),
  comment: z.boolean(),
  /** Marking a comment visible to the customer (speaking to them: `incident.share`). */
  commentToCustomer: z.boolean(),
  reproduce: z.boolean(),
  linkDuplicate: z.boolean(),
  startWork: z.boolean(),
  openSteps: z.boolean(),
});
export type PanelOffer = z.infer<typeof PanelOfferSchema>;

const labels = z.record(z.string(), z.string());

export const ExtensionToPanelSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('incident'),
    incident: IncidentSchema,
    offer: PanelOfferSchema,
    checkedSteps: z.array(z.number().int()),
    /** The category's questions (from its template), so answers show beside their question. */
    questions: z.array(z.object({ id: z.string(), text: z.string(), why: z.string() })),
    /** The category's name from its template ("Login problem"); null: none names it, the id shows. */
    categoryLabel: z.string().nullable().default(null),
    labels,
    /** Versions of planned releases, offered as suggestions for "mark fixed in version". */
    releaseVersions: z.array(z.string()).default([]),
    /** Links to the customer's page that work now (null when the server could not say). */
    customerLinks: z.number().int().nullable().default(null),
  }),
  /** Another team's incident: its outline and whose it is. */
  z.object({ type: z.literal('outline'), outline: IncidentOutlineSchema, whose: z.string(), offer: PanelOfferSchema, labels }),
  /** The steps ticked off changed elsewhere (the Current incident view): only the boxes follow, no re-render. */
  z.object({ type: z.literal('checks'), checkedSteps: z.array(z.number().int()) }),
  z.object({ type: z.literal('loadError'), message: z.string() }),
  z.object({ type: z.literal('result'), requestId: z.number().int(), ok: z.boolean(), message: z.string().optional() }),
  AttachmentPayloadSchema,
]);
export type ExtensionToPanel = z.infer<typeof ExtensionToPanelSchema>;

/** What the webview keeps in its state so VS Code can restore the panel after a reload. */
export const PanelStateSchema = z.object({ reference: RefInputSchema });
export type PanelState = z.infer<typeof PanelStateSchema>;
