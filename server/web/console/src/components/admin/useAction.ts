import { useState } from 'preact/hooks';
import { type Refusal, refusalOf } from './refusal.js';

export interface Action {
  busy: boolean;
  refusal: Refusal | null;
  /** Runs `call`; on success `then` gets its result; a refusal is kept to be shown next to what it names (never thrown). */
  run: <T>(call: () => Promise<T>, then?: (result: T) => void) => void;
  clear: () => void;
}

/** One administrative change at a time, with the server's refusal kept for display. */
export function useAction(onError: (err: unknown) => void): Action {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  return {
    busy,
    refusal,
    clear: () => setRefusal(null),
    run: (call, then) => {
      setBusy(true);
      setRefusal(null);
      call()
        .then(
          (result) => then?.(result),
          (err: unknown) => {
            onError(err);
            setRefusal(refusalOf(err));
          },
        )
        .finally(() => setBusy(false));
    },
  };
}
