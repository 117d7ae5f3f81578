import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Release } from '@handoff/shared';
import type { Api } from '../api/client';
import { errorText } from '../api/errors';
import { upcoming } from '../releases/review';
import { useT } from './i18nContext';
import { ReleaseCard } from './ReleaseCard';

/** Upcoming releases for reviewers and leads to review, kept live over SSE (`releases.onChange`). */
export function ReleasesView(props: { api: Api }) {
  const t = useT();
  const [releases, setReleases] = useState<Release[] | null>(null);
  const [error, setError] = useState('');
  const [live, setLive] = useState(false);
  const [reload, setReload] = useState(0);
  const refresh = useCallback(() => setReload((n) => n + 1), []);
  useEffect(() => {
    let alive = true;
    props.api.releases.list.query({ status: 'planned' }).then(
      (r) => alive && (setReleases(upcoming(r)), setError('')),
      (e: unknown) => alive && setError(errorText(e)),
    );
    return () => void (alive = false);
  }, [props.api, reload]);
  useEffect(() => {
    const sub = props.api.releases.onChange.subscribe(
      {},
      {
        onStarted: () => setLive(true),
        onData: refresh,
        onError: () => setLive(false),
      },
    );
    return () => sub.unsubscribe();
  }, [props.api]);
  return (
    <section class="releases">
      <h2>
        {t('releasesTitle')} {live && <span class="live">● {t('live')}</span>}
      </h2>
      {error && <p class="error">{error}</p>}
      {releases?.length === 0 && <p class="empty">{t('releasesEmpty')}</p>}
      {(releases ?? []).map((r) => (
        <ReleaseCard key={r.version} api={props.api} release={r} onChanged={refresh} />
      ))}
    </section>
  );
}
