import { RecorderStepSchema } from '@handoff/shared';
import { browser } from 'wxt/browser';
import { z } from 'zod';

/** The recording in progress or waiting for review (session storage: gone when the browser closes). */
export const RecordingStateSchema = z.object({
  status: z.enum(['recording', 'stopped']),
  tabId: z.number().int(),
  windowId: z.number().int(),
  title: z.string(),
  /** The page the recorded tab showed last (to tell a new page from a reload of the same). */
  pageUrl: z.string(),
  steps: z.array(RecorderStepSchema),
  /** JPEG screenshots (base64) taken when something failed, by step index. */
  shots: z.record(z.string(), z.string()),
});
export type RecordingState = z.infer<typeof RecordingStateSchema>;

const KEY = 'recording';

export async function loadRecording(): Promise<RecordingState | null> {
  const p = RecordingStateSchema.safeParse((await browser.storage.session.get(KEY))[KEY]);
  return p.success ? p.data : null;
}

export async function saveRecording(state: RecordingState | null): Promise<void> {
  if (state) await browser.storage.session.set({ [KEY]: state });
  else await browser.storage.session.remove(KEY);
}

export function onRecordingChanged(cb: (s: RecordingState | null) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && KEY in changes) void loadRecording().then(cb);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Whether `tabId` is the tab being recorded (the panel keeps working on the CRM ticket meanwhile). */
export async function isRecordedTab(tabId: number): Promise<boolean> {
  const s = await loadRecording();
  return s?.status === 'recording' && s.tabId === tabId;
}
