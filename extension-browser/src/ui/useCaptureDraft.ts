import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { applyTicket, draftFromTicket, errorsAfterEdit, type CaptureDraft, type FieldErrors } from '../capture/formState';
import { debounced, loadDraft, saveDraft } from '../capture/drafts';
import type { TicketContext } from '../crm/ticketContext';

/**
 * The capture's draft for one ticket: restored from storage or filled from the page, autosaved as the agent
 * types, and merged with a fresh read of the same page (teach mode, the page changed) without losing anything
 * typed. `key` is the draft's storage key (see draftKeyOf).
 */
export function useCaptureDraft(key: string, ctx: TicketContext) {
  const [draft, setDraft] = useState<CaptureDraft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const autosave = useMemo(() => debounced((d: CaptureDraft) => saveDraft(key, d), 250), [key]);
  const draftRef = useRef<CaptureDraft | null>(null);
  /** The page read the draft's page-filled fields came from (null for a restored draft: only empty fields are filled). */
  const pageRef = useRef<TicketContext | null>(null);
  const draftKeyRef = useRef('');
  function update(patch: Partial<CaptureDraft>) {
    const before = draftRef.current!;
    const next = { ...before, ...patch };
    setErrors((e) => errorsAfterEdit(e, before, next));
    draftRef.current = next;
    setDraft(next);
    autosave.push(next);
  }
  /** Starts over from the page (a new capture after sending). */
  function restart() {
    const d = draftFromTicket(ctx);
    pageRef.current = ctx;
    draftRef.current = d;
    setDraft(d);
  }

  useEffect(() => {
    let live = true;
    setErrors({});
    void loadDraft(key).then((d) => {
      if (!live) return;
      draftKeyRef.current = key;
      pageRef.current = d ? null : ctx;
      draftRef.current = d ?? draftFromTicket(ctx);
      setDraft(draftRef.current);
    });
    return () => {
      live = false;
      void autosave.flush();
    };
  }, [key]);
  useEffect(() => {
    // Same ticket read again (teach mode, page changed): merge without losing what the agent typed.
    const d = draftRef.current;
    if (!d || draftKeyRef.current !== key) return;
    const next = applyTicket(d, ctx, pageRef.current);
    pageRef.current = ctx;
    if (next !== d) update(next);
  }, [ctx]);
  useEffect(() => {
    const flush = () => void autosave.flush();
    addEventListener('pagehide', flush);
    return () => removeEventListener('pagehide', flush);
  }, [autosave]);
  return { draft, update, restart, errors, setErrors, autosave };
}
