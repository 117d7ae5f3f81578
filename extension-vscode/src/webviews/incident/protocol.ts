// Messages between the incident panel (webview) and the extension. Both sides validate every
// message they receive with these schemas; this file imports only zod and @handoff/shared so the
// webview bundle can use it too.
import { z } from 'zod';
import { ATTACHMENT_TYPES, IncidentSchema, StatusSchema, UserSchema } from '@handoff/shared';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Actions the panel asks the extension to perform; each carries a request id for its result. */
export const PanelActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assignToMe') }),
  z.object({ type: z.literal('transition'), to: StatusSchema, reason: z.string().trim().max(2000).optional() }),
  z.object({ type: z.literal('ask'), question: text(5000) }),
  z.object({ type: z.literal('comment'), text: text(20_000) }),
  z.object({
    type: z.literal('reproduction'),
    result: z.enum(['reproduced', 'not_reproduced']),
    notes: z.string().trim().max(20_000),
    environment: z.string().trim().max(2000).optional(),
  }),
  z.object({ type: z.literal('linkDuplicate'), of: text(40) }),
  z.object({ type: z.literal('markFixed'), version: text(60) }),
  z.object({ type: z.literal('openStepsBeside') }),
  z.object({ type: z.literal('startWork') }),
  z.object({ type: z.literal('refresh') }),
]);
export type PanelAction = z.infer<typeof PanelActionSchema>;

export const PanelToExtensionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('rendered'), reference: z.string() }),
  z.object({ type: z.literal('action'), requestId: z.number().int(), action: PanelActionSchema }),
  z.object({ type: z.literal('stepToggled'), index: z.number().int().min(0).max(49), done: z.boolean() }),
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

export const ExtensionToPanelSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('incident'),
    incident: IncidentSchema,
    me: UserSchema.nullable(),
    nextStatuses: z.array(StatusSchema),
    checkedSteps: z.array(z.number().int()),
    /** The category's questions (from its template), so answers show beside their question. */
    questions: z.array(z.object({ id: z.string(), text: z.string(), why: z.string() })),
    labels: z.record(z.string(), z.string()),
    /** Versions of planned releases, offered as suggestions for "mark fixed in version". */
    releaseVersions: z.array(z.string()).default([]),
  }),
  z.object({ type: z.literal('loadError'), message: z.string() }),
  z.object({ type: z.literal('result'), requestId: z.number().int(), ok: z.boolean(), message: z.string().optional() }),
  AttachmentPayloadSchema,
]);
export type ExtensionToPanel = z.infer<typeof ExtensionToPanelSchema>;

/** What the webview keeps in its state so VS Code can restore the panel after a reload. */
export const PanelStateSchema = z.object({ reference: z.string().min(1).max(40) });
export type PanelState = z.infer<typeof PanelStateSchema>;
