import { useEffect, useState } from 'preact/hooks';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T };

/** Loads an insight whenever `key` (the serialised input) changes; a stale answer never overwrites a newer one. */
export function useInsight<T>(load: () => Promise<T>, key: string, onError?: (err: unknown) => void): Loaded<T> {
  const [value, setValue] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setValue({ state: 'loading' });
    load().then(
      (data) => current && setValue({ state: 'ready', data }),
      (err: unknown) => {
        if (!current) return;
        onError?.(err);
        setValue({ state: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      current = false;
    };
  }, [key]);
  return value;
}
