import { useState } from 'preact/hooks';
import { type Loaded, useInsight } from '../useInsight.js';

/** `useInsight` plus a `reload()` for pages that change what they show. */
export function useReloadable<T>(load: () => Promise<T>, key: string, onError: (err: unknown) => void): [Loaded<T>, () => void] {
  const [round, setRound] = useState(0);
  const loaded = useInsight(load, `${key}#${round}`, onError);
  return [loaded, () => setRound((r) => r + 1)];
}
