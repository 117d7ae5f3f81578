import { useState } from 'preact/hooks';
import type { Api } from '../api/client';
import { useT } from './i18nContext';
import { ShareBox } from './ShareBox';

/** After linking, the reference is the incident that counts the customer (a duplicate's original) and its new count. */
export type Outcome =
  | { kind: 'created'; reference: string }
  | { kind: 'linked'; reference: string; affectedCustomers?: number | undefined }
  /** Recorded as resolved at L1 with the known solution of `group`; `customerAnswer` is what to tell the customer. */
  | { kind: 'resolved'; reference: string; group: string; customerAnswer: string | null }
  | { kind: 'queued'; error: string };

/** After submit: the reference, big and copyable, or word that the capture waits in the queue. */
export function Result(props: {
  api: Api;
  outcome: Outcome;
  onInsertNote?: (() => Promise<boolean>) | undefined;
  /** Inserts any text into the ticket's reply (for the customer's page link). */
  onInsertText?: ((text: string) => Promise<boolean>) | undefined;
  onNew: () => void;
}) {
  const t = useT();
  const [note, setNote] = useState('');
  const o = props.outcome;
  return (
    <section class="result" aria-live="polite">
      {o.kind === 'queued' ? (
        <>
          <h2>{t('queuedTitle')}</h2>
          <p class="queued">{t('queuedBody', o.error)}</p>
        </>
      ) : (
        <>
          <p>{o.kind === 'resolved' ? t('resolvedAs', o.group) : o.kind === 'linked' ? t('linkedTo') : t('createdAs')}</p>
          <output class="reference" data-testid="reference">
            {o.reference}
          </output>
          {o.kind === 'linked' && o.affectedCustomers !== undefined && <p class="affected-now">{t('affectedNow', o.affectedCustomers)}</p>}
          <div class="row">
            <button
              type="button"
              class="copy"
              onClick={() => void navigator.clipboard.writeText(o.reference).then(() => setNote(t('copied')))}
            >
              {t('copy')}
            </button>
            {props.onInsertNote && (
              <button
                type="button"
                class="insert-note"
                onClick={() => void props.onInsertNote!().then((ok) => setNote(ok ? t('inserted') : t('insertFailed')))}
              >
                {t('insertNote')}
              </button>
            )}
          </div>
          {o.kind === 'resolved' && o.customerAnswer && (
            <div class="reply">
              <output class="customer-answer">{t('replyText', o.customerAnswer, o.reference)}</output>
              {props.onInsertText && (
                <button
                  type="button"
                  class="insert-reply"
                  onClick={() =>
                    void props.onInsertText!(t('replyText', o.customerAnswer!, o.reference)).then((ok) =>
                      setNote(ok ? t('inserted') : t('insertFailed')),
                    )
                  }
                >
                  {t('insertReply')}
                </button>
              )}
            </div>
          )}
          {note && <p class="note">{note}</p>}
          <ShareBox api={props.api} reference={o.reference} onInsert={props.onInsertText} />
        </>
      )}
      <button type="button" class="new-capture" onClick={props.onNew}>
        {t('newCapture')}
      </button>
    </section>
  );
}
