import { useCallback, useEffect, useState } from 'preact/hooks';
import type { TicketContext } from '../crm/ticketContext';
import { NoAccessError, readTicket } from '../page/pageAccess';
import { discoverTarget, getTarget, onTargetChanged, targetKind, trackTargetTab, type Target } from '../page/target';
import type { Settings } from '../settings';

export type TicketState =
  | { state: 'loading' }
  | { state: 'no-target' }
  /** `origin` null: the browser hides the tab's address until the agent allows reading ticket pages. */
  | { state: 'no-access'; origin: string | null; target: Target }
  | { state: 'error'; message: string; target: Target }
  | { state: 'ready'; target: Target; ctx: TicketContext };

/** The ticket in the CRM tab the agent is looking at; re-read when they switch tabs or tickets. */
export function useTicket(settings: Settings): [TicketState, () => void] {
  const [st, setSt] = useState<TicketState>({ state: 'loading' });
  const [target, setTarget] = useState<Target | null | undefined>(undefined);
  const [n, setN] = useState(0);
  useEffect(() => {
    void getTarget().then(async (t) => setTarget(t ?? (await discoverTarget())));
    const stopTracking = trackTargetTab();
    const stopListening = onTargetChanged(setTarget);
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
    if (kind === 'hidden') return setSt({ state: 'no-access', origin: null, target });
    setSt({ state: 'loading' }); // never the previous tab's ticket while this one is read
    let live = true;
    readTicket(target, settings.siteMappings).then(
      (ctx) => live && setSt({ state: 'ready', target, ctx }),
      (e: unknown) => {
        if (!live) return;
        if (NoAccessError.is(e)) setSt({ state: 'no-access', origin: e.origin, target });
        else setSt({ state: 'error', message: e instanceof Error ? e.message : String(e), target });
      },
    );
    return () => {
      live = false;
    };
  }, [target?.tabId, target?.url, settings.siteMappings, n]);
  return [st, useCallback(() => setN((x) => x + 1), [])];
}
