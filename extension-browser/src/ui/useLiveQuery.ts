import { useCallback, useEffect, useState } from 'preact/hooks';
import { classifyError, errorText } from '../api/errors';

type Handlers = { onStarted: () => void; onData: () => void; onError: (err: unknown) => void };

/**
 * Loads data and loads it again whenever the live stream reports a change: `data` (null until
 * the first answer), a readable `error`, whether the stream is `live`, and `refresh` for after
 * the panel changed something itself. `load` and `subscribe` must be stable (depend on `api`).
 */
export function useLiveQuery<T>(load: () => Promise<T>, subscribe: (h: Handlers) => { unsubscribe(): void }) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  const [live, setLive] = useState(false);
  const [reload, setReload] = useState(0);
  const refresh = useCallback(() => setReload((n) => n + 1), []);
  useEffect(() => {
    let alive = true;
    load().then(
      (r) => {
        if (!alive) return;
        setData(r);
        setError('');
      },
      (e: unknown) => alive && setError(errorText(e)),
    );
    return () => {
      alive = false;
    };
  }, [load, reload]);
  useEffect(() => {
    // Load again once the stream is up: a change committed between the first load and the
    // stream's start (or while it was reconnecting) is in neither.
    const started = () => {
      setLive(true);
      refresh();
    };
    const sub = subscribe({
      onStarted: started,
      onData: refresh,
      onError: (err) => {
        setLive(false);
        // A token revoked (or an account deactivated) while the panel is open: say so at once.
        if (classifyError(err) === 'unauthorized') setError(errorText(err));
      },
    });
    return () => sub.unsubscribe();
  }, [subscribe, refresh]);
  return { data, error, live, refresh };
}
