import { z } from 'zod';
import { VISIBILITIES } from '../permissions.js';
import { text } from './primitives.js';

export const ROLES = ['agent', 'reviewer', 'developer', 'lead', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Team and category ids: lower-case words joined by dashes (`billing`, `mobile-app`). */
export const SlugSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes, e.g. "mobile-app"');

export const UserRefSchema = z.object({ id: z.number().int(), name: z.string() });
export type UserRef = z.infer<typeof UserRefSchema>;

export const UserSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: RoleSchema,
  teams: z.array(z.string()),
});
export type User = z.infer<typeof UserSchema>;

/** Support tiers: 1 helpdesk, 2 a technical team per area, 3 engineering. */
export const TierSchema = z.number().int('tier must be 1, 2 or 3').min(1, 'tier must be 1, 2 or 3').max(3, 'tier must be 1, 2 or 3');

/** A team; `tier` defaults to 1 for a new team and stays as it is when an upsert omits it. */
export const TeamSchema = z.object({ id: SlugSchema, name: text(80).min(1, 'name must not be empty'), tier: TierSchema.optional() });
export type Team = z.infer<typeof TeamSchema>;

/** A routing rule sends new incidents of a category and/or component to a team. */
export const RoutingRuleInputSchema = z
  .object({
    category: SlugSchema.optional(),
    component: text(80).min(1).optional(),
    team: SlugSchema,
  })
  .refine((r) => r.category !== undefined || r.component !== undefined, {
    message: 'A routing rule needs a category, a component, or both',
  });
export const RoutingRuleSchema = z.object({
  id: z.number().int(),
  category: z.string().nullable(),
  component: z.string().nullable(),
  team: z.string(),
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;

/** `auth.whoami`: the signed-in user and the server's visibility setting (see permissions). */
export const MeSchema = UserSchema.extend({ visibility: z.enum(VISIBILITIES) });
export type Me = z.infer<typeof MeSchema>;
