import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { loadSettings } from '../settings';
import { stripUrl } from './mask';
import { type RecorderMessage, RecorderMessageSchema } from './messages';
import { isFailure, withNote, withPageLoad } from './steps';
import { loadRecording, type RecordingState, saveRecording } from './state';

/** Screenshots taken per recording at most (one per failure, the first few). */
const MAX_SHOTS = 3;
import { RECTS_GLOBAL, RULES_GLOBAL, STOP_GLOBAL } from './globals';
import { type Box, paintOver } from './sensitiveRects';

let chain: Promise<unknown> = Promise.resolve();
/** Changes to the recording one at a time: messages arrive faster than storage answers. */
function update(change: (s: RecordingState) => RecordingState | Promise<RecordingState>): Promise<void> {
  const next = chain.then(async () => {
    const s = await loadRecording();
    if (s?.status === 'recording') await saveRecording(await change(s));
  });
  chain = next.catch((e: unknown) => console.warn('recording update failed', e));
  return next;
}

async function inject(tabId: number): Promise<void> {
  const { recordingMask } = await loadSettings();
  await browser.scripting.executeScript({ target: { tabId }, world: 'MAIN', files: ['/recorder-hooks.js' as ScriptPublicPath] });
  await browser.scripting.executeScript({
    target: { tabId },
    func: (name: string, rules: unknown) => {
      (globalThis as Record<string, unknown>)[name] = rules;
    },
    args: [RULES_GLOBAL, recordingMask],
  });
  await browser.scripting.executeScript({ target: { tabId }, files: ['/recorder.js' as ScriptPublicPath] });
}

async function start(url: string, title: string): Promise<void> {
  const { recordingMask } = await loadSettings();
  // Opened in the background and brought to front only once it is known as the recorded tab: the panel
  // follows the tab in front, and must keep the ticket (with Stop) instead of taking the product's page.
  const tab = await browser.tabs.create({ url, active: false });
  if (tab.id === undefined || tab.windowId === undefined) throw new Error('The browser did not open a tab to record in');
  await saveRecording({
    status: 'recording',
    tabId: tab.id,
    windowId: tab.windowId,
    title,
    pageUrl: stripUrl(url, recordingMask),
    steps: [{ type: 'navigate', url: stripUrl(url, recordingMask) }],
    shots: {},
  });
  await browser.tabs.update(tab.id, { active: true });
}

async function stop(): Promise<void> {
  const s = await loadRecording();
  if (s?.status !== 'recording') return;
  await saveRecording({ ...s, status: 'stopped' });
  await browser.scripting
    .executeScript({
      target: { tabId: s.tabId },
      func: (name: string) => (globalThis as unknown as Record<string, (() => void) | undefined>)[name]?.(),
      args: [STOP_GLOBAL],
    })
    .catch(() => undefined); // the tab may be gone already
}

async function screenshotFor(s: RecordingState): Promise<RecordingState> {
  const index = s.steps.length - 1;
  if (Object.keys(s.shots).length >= MAX_SHOTS || s.shots[index]) return s;
  try {
    // Where the page shows secrets, asked of the recorder (it has the agent's mask rules) right before the capture.
    const [found] = await browser.scripting.executeScript({
      target: { tabId: s.tabId },
      func: (name: string) => (globalThis as unknown as Record<string, () => unknown>)[name]?.() ?? null,
      args: [RECTS_GLOBAL],
    });
    const secrets = found?.result as { boxes: Box[]; ratio: number } | null;
    if (!secrets) return s; // no recorder on the page: no screenshot rather than one that may show a secret
    const dataUrl = await browser.tabs.captureVisibleTab(s.windowId, { format: 'jpeg', quality: 60 });
    const shot = await paintOver(dataUrl.replace(/^data:image\/jpeg;base64,/, ''), secrets.boxes, secrets.ratio);
    return { ...s, shots: { ...s.shots, [index]: shot } };
  } catch (e) {
    console.warn('no screenshot at this step', e); // e.g. the agent switched tabs; the notes still say what failed
    return s;
  }
}

async function handle(msg: RecorderMessage, senderTab: number | undefined): Promise<unknown> {
  if (msg.type === 'recorder:start') return start(msg.url, msg.title);
  if (msg.type === 'recorder:stop') return stop();
  const s = await loadRecording();
  if (s?.status !== 'recording' || senderTab !== s.tabId) return null; // a stale recorder in another tab
  if (msg.type === 'recorder:step') return update((x) => ({ ...x, steps: [...x.steps, msg.step] }));
  const note = msg.type === 'recorder:console' ? { console: msg.note } : msg.type === 'recorder:network' ? { network: msg.note } : null;
  if (!note) return null;
  return update(async (x) => {
    const noted = withNote(x, note);
    return isFailure(note) ? screenshotFor(noted) : noted;
  });
}

/** Wires recording in the service worker: messages from the panel and the recorder, and page loads of the recorded tab. */
export function startRecordingService(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: { tab?: { id?: number } }) => {
    const msg = RecorderMessageSchema.safeParse(raw);
    if (!msg.success) return undefined;
    return handle(msg.data, sender.tab?.id).then(() => true);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete' || !tab.url) return;
    const url = tab.url;
    void loadRecording().then(async (s) => {
      if (s?.status !== 'recording' || s.tabId !== tabId) return;
      const { recordingMask } = await loadSettings();
      await update((x) => withPageLoad(x, stripUrl(url, recordingMask)));
      await inject(tabId).catch((e: unknown) => console.warn('could not start the recorder on', url, e));
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void loadRecording().then((s) => (s?.status === 'recording' && s.tabId === tabId ? stop() : undefined));
  });
}
