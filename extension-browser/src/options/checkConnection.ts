import type { User } from '@handoff/shared';
import { classifyError, errorText } from '../api/errors';
import { normalizeServerUrl } from '../settings';

/** Roles that capture incidents from a CRM; developers work from VS Code, admins from the CLI. */
export const CAPTURE_ROLES: readonly User['role'][] = ['agent', 'reviewer', 'lead'];

export type CheckResult =
  | { ok: true; serverUrl: string; user: User }
  | { ok: false; reason: 'badUrl' | 'noToken' | 'unreachable' | 'wrongToken' | 'wrongRole' | 'noPermission' | 'other'; detail: string };

/** Validates server URL + token against the server, naming each failure separately. */
export async function checkConnection(
  rawUrl: string,
  token: string,
  whoami: (serverUrl: string, token: string) => Promise<User>,
  allowHost: (serverUrl: string) => Promise<boolean> = async () => true,
): Promise<CheckResult> {
  const serverUrl = normalizeServerUrl(rawUrl);
  if (!serverUrl) return { ok: false, reason: 'badUrl', detail: rawUrl };
  if (!token.trim()) return { ok: false, reason: 'noToken', detail: '' };
  if (!(await allowHost(serverUrl))) return { ok: false, reason: 'noPermission', detail: serverUrl };
  try {
    const user = await whoami(serverUrl, token.trim());
    if (!CAPTURE_ROLES.includes(user.role)) return { ok: false, reason: 'wrongRole', detail: user.role };
    return { ok: true, serverUrl, user };
  } catch (e) {
    const kind = classifyError(e);
    if (kind === 'unreachable') return { ok: false, reason: 'unreachable', detail: serverUrl };
    if (kind === 'unauthorized') return { ok: false, reason: 'wrongToken', detail: '' };
    if (kind === 'forbidden') return { ok: false, reason: 'wrongRole', detail: errorText(e) };
    return { ok: false, reason: 'other', detail: errorText(e) };
  }
}
