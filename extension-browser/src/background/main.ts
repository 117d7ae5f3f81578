import { browser } from 'wxt/browser';
import { createApi } from '../api/client';
import { senderFor } from '../capture/sender';
import { flushQueue } from '../capture/queue';
import { pruneDrafts } from '../capture/drafts';
import { loadSettings } from '../settings';
import { rememberTarget, trackTargetTab } from '../page/target';
import { notifyClosedOnce, syncEscalations } from './escalations';
import { translatorFor } from '../i18n/i18n';
import { syncShipped } from './shipped';
import { openPagesForFirefoxTests } from './e2eFirefox';
import { startRecordingService } from '../recording/service';

async function api() {
  const s = await loadSettings();
  return s.serverUrl && s.token ? createApi(s.serverUrl, s.token) : null;
}

async function notify(id: string, title: string, message: string) {
  await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
}

export async function flushInBackground(): Promise<void> {
  const client = await api();
  if (!client) return;
  const r = await flushQueue(senderFor(client));
  for (const s of r.sent) await notify(`sent-${s.key}`, s.reference, s.label);
}

/** Wires the service worker: target-tab tracking, panel opening, queue retries and escalation sync by alarm. */
export function startBackground(): void {
  openPagesForFirefoxTests();
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> } } }).chrome?.sidePanel;
  browser.action?.onClicked.addListener((tab) => {
    // Opening from the toolbar is a user gesture: activeTab lets us read this tab even before the site is enabled.
    if (chromeSidePanel && tab.windowId !== undefined) void chromeSidePanel.open({ windowId: tab.windowId });
    else void (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction?.open();
    void rememberTarget(tab);
  });
  trackTargetTab();
  startRecordingService();
  browser.alarms.create('queue', { periodInMinutes: 0.5 });
  browser.alarms.create('escalations', { periodInMinutes: 2 });
  browser.alarms.create('prune', { periodInMinutes: 24 * 60 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'queue') void flushInBackground().catch((e: unknown) => console.warn('queue flush failed', e));
    if (alarm.name === 'prune') void pruneDrafts();
    if (alarm.name === 'escalations')
      void api()
        .then(async (c) => {
          if (!c) return;
          const { t } = await translatorFor((await loadSettings()).language);
          await syncEscalations(
            c,
            (i) => notify(`inc-${i.reference}-${i.status}`, i.reference, `${i.status === 'fixed' ? '✔' : '?'} ${i.title}`),
            (n) =>
              notify(
                `sla-${n.item.reference}-${n.level}`,
                t(n.level === 'warning' ? 'slaWarningNotice' : 'slaBreachedNotice', n.item.reference, t(`slaTarget_${n.target}`)),
                n.item.title,
              ),
            // Once: the open panel may have told it live already.
            (c) => notifyClosedOnce(c, t),
          );
          // A shipped release keeps the incident 'fixed': the agent hears of it from the release instead.
          await syncShipped(c, (f) => notify(`shipped-${f.version}-${f.reference}`, `${f.reference} · ${f.version}`, `🚀 ${f.title}`));
        })
        .catch((e: unknown) => console.warn('escalation sync failed', e));
  });
  browser.runtime.onMessage.addListener((msg: unknown) => {
    if ((msg as { type?: string })?.type === 'queue:flush') return flushInBackground().then(() => true);
    return undefined;
  });
}
