import type { Me } from '@handoff/shared';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Api } from '../api/client';
import { whoami } from '../api/incidents';

/** Who is signed in (`auth.whoami`: user and the server's visibility policy); undefined until known or while unreachable. */
export function useWhoami(api: Api | null): Me | undefined {
  const [me, setMe] = useState<Me | undefined>(undefined);
  useEffect(() => {
    setMe(undefined);
    if (!api) return;
    let alive = true;
    whoami(api).then(
      (m) => alive && setMe(m),
      (e: unknown) => console.warn('whoami failed', e),
    );
    return () => {
      alive = false;
    };
  }, [api]);
  return me;
}

/** The panel hands the signed-in person down once; views ask the shared model what to offer them. */
export const MeContext = createContext<Me | undefined>(undefined);
export const useMe = (): Me | undefined => useContext(MeContext);
