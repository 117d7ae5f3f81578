import type { Services } from '../../context.js';
import type { MailLinkTarget } from '../../mail/subscriptions.js';
import { type OpenShare, SHARE_TOKEN_PATTERN } from '../../store/shares.js';

/** The link behind a page address: a share's own token, or a mail's link (which opens its share). */
export async function openLink(services: Services, token: string): Promise<{ open: OpenShare; mail: MailLinkTarget | null } | null> {
  const open = await services.shares.open(token);
  if (open) return { open, mail: null };
  if (!SHARE_TOKEN_PATTERN.test(token)) return null;
  const mail = await services.mail.subscriptions.open(token);
  const viaMail = mail && (await services.shares.openShare(mail.share));
  return viaMail ? { open: viaMail, mail } : null;
}
