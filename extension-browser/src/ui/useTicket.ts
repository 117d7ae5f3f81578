import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Api } from '../api/client';
import { loadTeamMappings } from '../api/teamMappings';
import type { SiteMapping } from '../crm/read/taught';
import { adapterFor } from '../crm/registry';
import { effectiveMappings } from '../crm/teamMappings';
import type { TicketContext } from '../crm/ticketContext';
import { NoAccessError, readTicket } from '../page/pageAccess';
import { discoverTarget, getTarget, markThisTabOwn, onTargetChanged, targetKind, trackTargetTab, type Target } from '../page/target';
import type { Settings } from '../settings';

export type TicketState =
  | { state: 'loading' }
  | { state: 'no-target' }
  /** `origin` null: the browser hides the tab's address until the agent allows reading ticket pages. */
  | { state: 'no-access'; origin: string | null; target: Target }
  | { state: 'error'; message: string; target: Target }
  /**
   * `mapping`: the site's taught fields the page was read with (the agent's own, and the team's for the rest);
   * `fromTeam`: those of them that came from the team.
   */
  | { state: 'ready'; target: Target; ctx: TicketContext; mapping: SiteMapping; fromTeam: string[] };

/** The taught fields for the target's site: none on built-in helpdesks; elsewhere the agent's own over the team's. */
async function mappingsFor(target: Target, settings: Settings, api: Api | null): Promise<Record<string, SiteMapping>> {
  if (adapterFor(target.url)) return {};
  // fetched for every page read: a lead's update reaches the team without anyone reloading anything
  return effectiveMappings(settings.siteMappings, (await loadTeamMappings(api)).bySite);
}

/** The ticket in the CRM tab the agent is looking at; re-read when they switch tabs or tickets. */
export function useTicket(settings: Settings, api: Api | null = null): [TicketState, () => void] {
  const [st, setSt] = useState<TicketState>({ state: 'loading' });
  const [target, setTarget] = useState<Target | null | undefined>(undefined);
  const [n, setN] = useState(0);
  useEffect(() => {
    let ownId: number | undefined;
    // The panel opened as a tab is never its own target (the browser may hide even our page's address).
    const follow = async (t: Target | null) => setTarget(t && t.tabId !== ownId ? t : await discoverTarget());
    void (async () => {
      ownId = await markThisTabOwn();
      await follow(await getTarget());
    })();
    const stopTracking = trackTargetTab();
    const stopListening = onTargetChanged((t) => void follow(t));
    return () => {
      stopTracking();
      stopListening();
    };
  }, []);
  useEffect(() => {
    if (target === undefined) return;
    if (target === null) return setSt({ state: 'no-target' });
    const kind = targetKind(target);
    if (kind === 'not-web') return setSt({ state: 'no-target' });
    let live = true;
    if (kind === 'hidden') {
      // Hidden although we may read every site: it is no web page (new tab, browser settings).
      void browser.permissions
        .contains({ origins: ['<all_urls>'] })
        .then((all) => live && setSt(all ? { state: 'no-target' } : { state: 'no-access', origin: null, target }));
      return () => {
        live = false;
      };
    }
    // Another tab or page: never show the previous one's ticket while this one is read. The same page read
    // again (after teaching) keeps the form mounted, so nothing the agent typed is lost.
    setSt((s) => ('target' in s && s.target.tabId === target.tabId && s.target.url === target.url ? s : { state: 'loading' }));
    const origin = URL.canParse(target.url) ? new URL(target.url).origin : '';
    mappingsFor(target, settings, api)
      .then(async (mappings) => ({ ctx: await readTicket(target, mappings), mapping: mappings[origin] ?? {} }))
      .then(
        ({ ctx, mapping }) => {
          const own = settings.siteMappings[origin] ?? {};
          const fromTeam = Object.keys(mapping).filter((f) => !(f in own));
          if (live) setSt({ state: 'ready', target, ctx, mapping, fromTeam });
        },
        (e: unknown) => {
          if (!live) return;
          if (NoAccessError.is(e)) setSt({ state: 'no-access', origin: e.origin, target });
          else setSt({ state: 'error', message: e instanceof Error ? e.message : String(e), target });
        },
      );
    return () => {
      live = false;
    };
  }, [target === null, target?.tabId, target?.url, settings.siteMappings, api, n]); // undefined → null changes no id: without the first, "no ticket tab" stayed "Loading…"
  return [st, useCallback(() => setN((x) => x + 1), [])];
}
