import { useEffect, useState } from 'preact/hooks';
import type { IncidentSummary } from '@handoff/shared';
import type { Api } from '../api/client';
import { errorText } from '../api/errors';
import { useT } from './i18nContext';

/** The agent's incidents, kept live over SSE while the panel is open (the background polls otherwise). */
export function Escalations(props: { api: Api }) {
  const t = useT();
  const [items, setItems] = useState<IncidentSummary[] | null>(null);
  const [error, setError] = useState('');
  const [live, setLive] = useState(false);
  useEffect(() => {
    let alive = true;
    const load = () =>
      props.api.incidents.list.query({ reporter: 'me', limit: 50 }).then(
        (r) => alive && (setItems(r.items), setError('')),
        (e: unknown) => alive && setError(errorText(e)),
      );
    void load();
    const sub = props.api.events.onChange.subscribe(
      { mine: true },
      {
        onStarted: () => setLive(true),
        onData: () => void load(),
        onError: () => setLive(false),
      },
    );
    return () => {
      alive = false;
      sub.unsubscribe();
    };
  }, [props.api]);
  return (
    <section class="escalations">
      <h2>
        {t('escalationsTitle')} {live && <span class="live">● {t('live')}</span>}
      </h2>
      {error && <p class="error">{error}</p>}
      {items?.length === 0 && <p class="empty">{t('escalationsEmpty')}</p>}
      <ul>
        {(items ?? []).map((i) => (
          <li key={i.reference} data-ref={i.reference} class={`status-${i.status}`}>
            <div>
              <strong>{i.reference}</strong> {i.title}
            </div>
            <div class="meta">
              <span class="status">{t(`status_${i.status}`)}</span> · {i.owner ? i.owner.name : t('unassigned')}
              {i.fixedInVersion && <> · {t('fixedIn', i.fixedInVersion)}</>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
