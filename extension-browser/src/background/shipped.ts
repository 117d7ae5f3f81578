import { browser } from 'wxt/browser';
import type { Release } from '@handoff/shared';
import type { Api } from '../api/client';

const SEEN = 'shippedSeen';

export interface ShippedFix {
  reference: string;
  title: string;
  version: string;
}

/** Fixes of the agent's escalations in shipped releases; `seen` holds "version:reference" keys already handled. */
export function shippedFixesFor(releases: Release[], userId: number): ShippedFix[] {
  return releases
    .filter((r) => r.status === 'shipped')
    .flatMap((r) =>
      r.items.flatMap((i) =>
        i.kind === 'fix' && i.incident?.reporter.id === userId
          ? [{ reference: i.incident.reference, title: i.incident.title, version: r.version }]
          : [],
      ),
    );
}

const key = (f: ShippedFix) => `${f.version}:${f.reference}`;

/**
 * Periodic check (the service worker has no EventSource) for releases that shipped a fix of one of the
 * agent's escalations: notify once each, so the agent tells the customer. The first run only records what
 * already shipped, so installing the extension does not replay old releases.
 */
export async function syncShipped(api: Api, notify: (f: ShippedFix) => Promise<void>): Promise<number> {
  const [me, releases] = await Promise.all([api.auth.whoami.query(), api.releases.list.query({ status: 'shipped' })]);
  const fixes = shippedFixesFor(releases, me.id);
  const stored = (await browser.storage.local.get(SEEN))[SEEN] as string[] | undefined;
  const seen = new Set(Array.isArray(stored) ? stored : []);
  const fresh = Array.isArray(stored) ? fixes.filter((f) => !seen.has(key(f))) : [];
  for (const f of fresh) await notify(f);
  await browser.storage.local.set({ [SEEN]: fixes.map(key) });
  return fresh.length;
}
