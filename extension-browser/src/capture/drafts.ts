import { browser } from 'wxt/browser';
import { CaptureDraftSchema, type CaptureDraft } from './formState';

/** Drafts live in extension storage, one per CRM ticket, so they survive closing the panel, the tab and the browser. */
const PREFIX = 'draft:';
const MAX_AGE_MS = 30 * 24 * 3600_000;

export async function loadDraft(key: string): Promise<CaptureDraft | null> {
  const raw = (await browser.storage.local.get(PREFIX + key))[PREFIX + key];
  if (raw === undefined) return null;
  const parsed = CaptureDraftSchema.safeParse(raw);
  return parsed.success ? parsed.data : null; // a draft from an older, incompatible version starts over
}

export async function saveDraft(key: string, draft: CaptureDraft): Promise<void> {
  await browser.storage.local.set({ [PREFIX + key]: { ...draft, updatedAt: Date.now() } });
}

export async function deleteDraft(key: string): Promise<void> {
  await browser.storage.local.remove(PREFIX + key);
}

/** Deletes drafts untouched for a month (called by the background's daily alarm). */
export async function pruneDrafts(now = Date.now()): Promise<number> {
  const all = await browser.storage.local.get(null);
  const old = Object.entries(all)
    .filter(([k, v]) => k.startsWith(PREFIX) && now - Number((v as { updatedAt?: number })?.updatedAt ?? 0) > MAX_AGE_MS)
    .map(([k]) => k);
  if (old.length) await browser.storage.local.remove(old);
  return old.length;
}

/** Calls `save` at most once per `ms` with the latest value; `flush` writes pending changes at once. */
export function debounced<T>(save: (v: T) => Promise<void>, ms = 300) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: T | undefined;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending !== undefined) {
      const v = pending;
      pending = undefined;
      await save(v);
    }
  };
  return {
    push(v: T) {
      pending = v;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), ms);
    },
    flush,
  };
}
