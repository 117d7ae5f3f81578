import { useState } from 'preact/hooks';
import type { AttachmentMeta, TimelineEntry } from '@handoff/shared';
import { errorText } from '../api/errors';
import { handOvers } from '../loop/incidentLoop';
import { useT } from './i18nContext';
import { when } from './when';

/**
 * Who handed the incident to whom and when: assignments, status changes, questions, answers, reproductions.
 * The server sends the latest entries; `onEarlier` pages in older ones while `earlier` says there are more.
 */
export function Timeline(props: {
  entries: TimelineEntry[];
  /** The incident's attachments: a customer's comment names the image it carries. */
  attachments?: AttachmentMeta[];
  earlier: boolean;
  onEarlier: () => Promise<void>;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const list = handOvers(props.entries);
  if (!list.length && !props.earlier) return null;
  const loadEarlier = async () => {
    setBusy(true);
    setError('');
    try {
      await props.onEarlier();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="timeline">
      <summary>{t('timelineTitle', list.length)}</summary>
      {props.earlier && (
        <button type="button" class="timeline-earlier" disabled={busy} onClick={() => void loadEarlier()}>
          {busy ? t('loading') : t('timelineEarlier')}
        </button>
      )}
      {error && <p class="error timeline-error">{error}</p>}
      <ol>
        {list.map((e) => (
          <li key={e.id} data-kind={e.kind} data-visibility={e.visibility}>
            <span class="meta">
              {when(e.at)} · {e.kind === 'customer_comment' || e.kind === 'evaluation' ? t('customerWrote') : e.actor.name}
            </span>{' '}
            {e.visibility === 'customer' && <span class="badge customer-visible">{t('visibleToCustomer')}</span>}{' '}
            <span class="text">{e.text}</span>
            {e.kind === 'customer_comment' && imageOf(e, props.attachments) && (
              <span class="entry-attachment"> · {t('customerImage', imageOf(e, props.attachments)!.name)}</span>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The image a customer's comment carries (an attachment of the incident), if any. */
const imageOf = (e: TimelineEntry, attachments: AttachmentMeta[] = []) => attachments.find((a) => a.id === e.data.attachmentId) ?? null;
