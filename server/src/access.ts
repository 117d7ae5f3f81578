import { type AccessPolicy, type Action, check, type SubjectOf, type User } from '@handoff/shared';
import { forbidden } from './store/errors.js';

/**
 * Enforces the shared permission model (`@handoff/shared` permissions) for one action on one
 * subject: FORBIDDEN with the model's reason when it is not allowed.
 */
export function authorize<A extends Action>(ctx: { user: User; policy: AccessPolicy }, action: A, subject?: SubjectOf<A>): void {
  const decision = check(ctx.user, action, subject, ctx.policy);
  if (!decision.ok) throw forbidden(decision.reason);
}
