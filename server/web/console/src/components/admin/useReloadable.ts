import { useEffect, useState } from 'preact/hooks';
import type { Loaded } from '../useInsight.js';

/**
 * Loads like `useInsight`, plus `reload()` for pages that change what they show. A reload keeps
 * showing the current data until the new answer is in, so forms and messages below stay put.
 */
export function useReloadable<T>(load: () => Promise<T>, key: string, onError: (err: unknown) => void): [Loaded<T>, () => void] {
  const [value, setValue] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    if (round === 0) setValue({ state: 'loading' });
    load().then(
      (data) => current && setValue({ state: 'ready', data }),
      (err: unknown) => {
        if (!current) return;
        onError(err);
        setValue({ state: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      current = false;
    };
  }, [key, round]);
  return [value, () => setRound((r) => r + 1)];
}
