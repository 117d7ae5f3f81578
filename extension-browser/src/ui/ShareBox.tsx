import { useEffect, useState } from 'preact/hooks';
import type { ShareInfo } from '@handoff/shared';
import type { Api } from '../api/client';
import { errorText } from '../api/errors';
import { sharesOf, shareWithCustomer } from '../api/incidents';
import { useT } from './i18nContext';

/**
 * "Share with customer": makes a link to the incident's page for the customer, shows it once (the
 * server keeps only its hash), and offers to copy it or insert it into the CRM reply like the
 * reference. Lists how many links the incident has.
 */
export function ShareBox(props: {
  api: Api;
  reference: string;
  /** Inserts text into the CRM ticket's reply, when the page's adapter knows where. */
  onInsert?: ((text: string) => Promise<boolean>) | undefined;
}) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [url, setUrl] = useState('');
  const [shares, setShares] = useState<ShareInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    let alive = true;
    sharesOf(props.api, props.reference).then(
      (s) => alive && setShares(s),
      () => alive && setShares(null),
    );
    return () => {
      alive = false;
    };
  }, [props.api, props.reference, url]);
  const share = async () => {
    setBusy(true);
    setError('');
    try {
      setUrl((await shareWithCustomer(props.api, props.reference, email.trim() || undefined)).url);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const active = shares?.filter((s) => !s.revokedAt).length ?? 0;
  const text = t('linkText', props.reference, url);
  return (
    <section class="share-box" data-shared={active > 0 ? 'yes' : 'no'}>
      <h3>{t('shareTitle')}</h3>
      <p class="share-count">{active > 0 ? t('shareCount', active) : t('shareNone')}</p>
      {url ? (
        <>
          <p>{t('shareCreated')}</p>
          <output class="share-url">{url}</output>
          <div class="row">
            <button
              type="button"
              class="copy-link"
              onClick={() => void navigator.clipboard.writeText(url).then(() => setNote(t('copied')))}
            >
              {t('copy')}
            </button>
            {props.onInsert && (
              <button
                type="button"
                class="insert-link"
                onClick={() => void props.onInsert!(text).then((ok) => setNote(ok ? t('inserted') : t('insertFailed')))}
              >
                {t('insertLink')}
              </button>
            )}
          </div>
        </>
      ) : (
        <div class="row">
          <label class="share-email">
            {t('shareEmail')}
            <input type="email" maxLength={320} value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
          </label>
          <button type="button" class="share" disabled={busy} onClick={() => void share()}>
            {t('share')}
          </button>
        </div>
      )}
      {note && <p class="note">{note}</p>}
      {error && <p class="error share-error">{error}</p>}
    </section>
  );
}
