import { z } from 'zod';
import { IdSchema, requiredText, text } from './primitives.js';
import { RoleSchema, SlugSchema, UserSchema } from './roles.js';

/** A person's account as admins see it: active or deactivated, and how many tokens work. */
export const AccountSchema = UserSchema.extend({
  active: z.boolean(),
  deactivatedAt: z.string().nullable(),
  createdAt: z.string(),
  activeTokens: z.number().int(),
});
export type Account = z.infer<typeof AccountSchema>;

/** `users.update`: change a person's name, role or teams (at least one). */
export const UpdateUserInputSchema = z
  .object({
    id: IdSchema,
    name: requiredText(100, 'name').optional(),
    role: RoleSchema.optional(),
    teams: z.array(SlugSchema).max(20).optional(),
  })
  .refine((u) => u.name !== undefined || u.role !== undefined || u.teams !== undefined, {
    message: 'Name what to change: name, role or teams',
  });
export type UpdateUserInput = z.infer<typeof UpdateUserInputSchema>;

export const UserIdInputSchema = z.object({ id: IdSchema });

/**
 * Which incidents a staff member is mailed about: none, those they reported or own, or also every
 * incident of their teams. One mail per burst of changes, with what they may see in full.
 */
export const STAFF_MAIL_MODES = ['off', 'mine', 'teams'] as const;
export const StaffMailModeSchema = z.enum(STAFF_MAIL_MODES);
export type StaffMailMode = z.infer<typeof StaffMailModeSchema>;

/** A staff member's own mail settings (never part of a customer's data). */
export const StaffMailSettingsSchema = z.object({
  userId: z.number().int(),
  email: z.string().nullable(),
  mode: StaffMailModeSchema,
  lang: z.enum(['en', 'de', 'fr']),
});
export type StaffMailSettings = z.infer<typeof StaffMailSettingsSchema>;

/** `users.mailSettings`: one's own, or (admins) anyone's. */
export const StaffMailSettingsInputSchema = z.object({ userId: IdSchema.optional() });

/** `users.setMailSettings`: mail needs an address; "off" may keep or clear it. */
export const SetStaffMailSettingsInputSchema = z
  .object({
    userId: IdSchema.optional(),
    email: z.email('give an address like name@example.com').max(254, 'at most 254 characters').nullable(),
    mode: StaffMailModeSchema,
    lang: z.enum(['en', 'de', 'fr']).default('en'),
  })
  .refine((v) => v.mode === 'off' || v.email !== null, {
    message: 'give the address the mails go to, or choose "off"',
    path: ['email'],
  });
export type SetStaffMailSettingsInput = z.infer<typeof SetStaffMailSettingsInputSchema>;

/** A personal API token. Its secret is shown once, when it is issued; only a hash is stored. */
export const TokenSchema = z.object({
  id: z.number().int(),
  user: z.object({ id: z.number().int(), name: z.string() }),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Token = z.infer<typeof TokenSchema>;

/** At most this many working tokens per person (one per device or integration is plenty). */
export const MAX_TOKENS_PER_USER = 20;

/** `tokens.list`: one person's tokens (default: yours), revoked ones only when asked. */
export const TokenListInputSchema = z
  .object({ userId: IdSchema.optional(), includeRevoked: z.boolean().default(false) })
  .default({ includeRevoked: false });
/** `tokens.issue`: a new token for a person (default: you), named after where it is used. */
export const IssueTokenInputSchema = z.object({ userId: IdSchema.optional(), label: requiredText(80, 'label') });
export const TokenIdInputSchema = z.object({ id: IdSchema });
/** The new token's secret, shown once. */
export const IssuedTokenSchema = z.object({ token: TokenSchema, secret: z.string() });
export type IssuedToken = z.infer<typeof IssuedTokenSchema>;

/** What the audit log records: every administrative change. */
export const AUDIT_ACTIONS = [
  'user.add',
  'user.update',
  'user.deactivate',
  'user.reactivate',
  'token.issue',
  'token.revoke',
  'token.rotate',
  'team.upsert',
  'routing.add',
  'routing.remove',
  'template.save',
  'sla.calendar.upsert',
  'sla.plan.upsert',
  'sla.customer.setPlan',
  'sla.customer.removePlan',
  'sla.policy.upsert',
  'crm.mapping.upsert',
  'crm.mapping.delete',
  'user.mailSettings',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  /** Who did it: a person, or the server's command line (id null). */
  actor: z.object({ id: z.number().int().nullable(), name: z.string() }),
  action: AuditActionSchema,
  /** What it was done to: "user 7", "token 12", "team billing", "template login". */
  target: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** `audit.list`: newest first, a page at a time. */
export const AuditListInputSchema = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    beforeId: IdSchema.optional(),
    action: AuditActionSchema.optional(),
    /** Only what this person did. */
    actorId: IdSchema.optional(),
    /** Only changes to this target, as the log names it ("team billing", "user 7"). */
    target: text(120).min(1).optional(),
    /** Only entries at or after / before these times (ISO 8601). */
    from: z.iso.datetime({ offset: true, message: 'give a date and time such as 2026-11-30T00:00:00Z' }).optional(),
    to: z.iso.datetime({ offset: true, message: 'give a date and time such as 2026-12-01T00:00:00Z' }).optional(),
  })
  .default({ limit: 50 });
export type AuditListInput = z.infer<typeof AuditListInputSchema>;
