import { type Me, MeSchema } from '@handoff/shared';
import { panelTabs } from '../access/offers';
import { classifyError, errorText } from '../api/errors';
import { normalizeServerUrl } from '../settings';

export type CheckResult =
  | { ok: true; serverUrl: string; user: Me }
  | { ok: false; reason: 'badUrl' | 'noToken' | 'unreachable' | 'wrongToken' | 'wrongRole' | 'noPermission' | 'other'; detail: string };

/** Validates server URL + token against the server, naming each failure separately. */
export async function checkConnection(
  rawUrl: string,
  token: string,
  whoami: (serverUrl: string, token: string) => Promise<unknown>,
  allowHost: (serverUrl: string) => Promise<boolean> = async () => true,
): Promise<CheckResult> {
  const serverUrl = normalizeServerUrl(rawUrl);
  if (!serverUrl) return { ok: false, reason: 'badUrl', detail: rawUrl };
  if (!token.trim()) return { ok: false, reason: 'noToken', detail: '' };
  if (!(await allowHost(serverUrl))) return { ok: false, reason: 'noPermission', detail: serverUrl };
  let answer: unknown;
  try {
    answer = await whoami(serverUrl, token.trim());
  } catch (e) {
    const kind = classifyError(e);
    if (kind === 'unreachable') return { ok: false, reason: 'unreachable', detail: serverUrl };
    if (kind === 'unauthorized') return { ok: false, reason: 'wrongToken', detail: '' };
    if (kind === 'forbidden') return { ok: false, reason: 'wrongRole', detail: errorText(e) };
    return { ok: false, reason: 'other', detail: errorText(e) };
  }
  const user = MeSchema.safeParse(answer);
  if (!user.success) return { ok: false, reason: 'other', detail: `auth.whoami: ${user.error.issues[0]?.message ?? 'unexpected answer'}` };
  // The panel is for whoever may do something in it (the shared permission model decides, not a role list).
  if (panelTabs(user.data).length === 0) return { ok: false, reason: 'wrongRole', detail: user.data.role };
  return { ok: true, serverUrl, user: user.data };
}
