import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api/client';
import { flushQueue, onQueueChanged, readQueue, removeFromQueue, retryItem, type QueueItem, type SentItem } from '../capture/queue';
import { senderFor } from '../capture/sender';
import { useT } from './i18nContext';

/** Pending and failed captures with the reason, and what was sent recently. */
export function QueueView(props: { api: Api }) {
  const t = useT();
  const [data, setData] = useState<{ queue: QueueItem[]; sent: SentItem[] }>({ queue: [], sent: [] });
  useEffect(() => {
    const load = () => void readQueue().then(setData);
    load();
    return onQueueChanged(load);
  }, []);
  const sendNow = () => void flushQueue(senderFor(props.api), { force: true });
  return (
    <section class="queue">
      <h2>{t('queueTitle')}</h2>
      {data.queue.length === 0 && <p class="empty">{t('queueEmpty')}</p>}
      <ul>
        {data.queue.map((q) => (
          <li key={q.key} class={`queue-item ${q.state}`} data-key={q.key}>
            <div class="label">{q.label}</div>
            <div class="meta">
              {q.state === 'failed' ? t('queueFailed') : t('queuePending', q.attempts, new Date(q.nextAttemptAt).toLocaleTimeString())}
            </div>
            {q.lastError && <div class="reason">{q.lastError}</div>}
            {q.state === 'failed' && (
              <div class="row">
                <button type="button" onClick={() => void retryItem(q.key)}>
                  {t('retry')}
                </button>
                <button type="button" onClick={() => void removeFromQueue(q.key)}>
                  {t('discard')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {data.queue.some((q) => q.state === 'pending') && (
        <button type="button" class="send-now" onClick={sendNow}>
          {t('sendNow')}
        </button>
      )}
      {data.sent.length > 0 && (
        <>
          <h3>{t('recentlySent')}</h3>
          <ul class="sent">
            {data.sent.slice(0, 10).map((s) => (
              <li key={s.key}>
                <strong>{s.reference}</strong> {s.label}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
