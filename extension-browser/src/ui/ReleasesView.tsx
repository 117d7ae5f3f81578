import { useCallback } from 'preact/hooks';
import type { Api } from '../api/client';
import { upcoming } from '../releases/review';
import { useT } from './i18nContext';
import { ReleaseCard } from './ReleaseCard';
import { useLiveQuery } from './useLiveQuery';

/** Upcoming releases for reviewers and leads to review, kept live over SSE (`releases.onChange`). */
export function ReleasesView(props: { api: Api }) {
  const t = useT();
  const {
    data: releases,
    error,
    live,
    refresh,
  } = useLiveQuery(
    useCallback(async () => upcoming(await props.api.releases.list.query({ status: 'planned' })), [props.api]),
    useCallback((h) => props.api.releases.onChange.subscribe({}, h), [props.api]),
  );
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
