import { can, type User } from '@handoff/shared';

/**
 * Whether this person works on incidents in VS Code. The extension is where incidents are taken
 * on (assigned), asked about and fixed, so it asks the shared permission model whether their role
 * may assign incidents — no role list of its own (agents and reviewers use the browser extension).
 */
export function canUseVsCode(user: User): boolean {
  return can(user, 'incident.assign');
}
