import type { Role } from '@handoff/shared';

/** Roles that work on incidents in VS Code (ask L1, record reproductions, mark fixed). */
export const DEVELOPER_ROLES: readonly Role[] = ['developer', 'lead', 'admin'];

export function canUseVsCode(role: Role): boolean {
  return DEVELOPER_ROLES.includes(role);
}
