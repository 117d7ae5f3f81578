import { useEffect, useState } from 'preact/hooks';
import type { Role } from '@handoff/shared';
import type { Api } from '../api/client';

/** The signed-in user's role from `auth.whoami`; undefined until known (or when the server is unreachable). */
export function useRole(api: Api | null): Role | undefined {
  const [role, setRole] = useState<Role | undefined>(undefined);
  useEffect(() => {
    setRole(undefined);
    if (!api) return;
    let alive = true;
    api.auth.whoami.query().then(
      (u) => alive && setRole(u.role),
      (e: unknown) => console.warn('whoami failed', e),
    );
    return () => {
      alive = false;
    };
  }, [api]);
  return role;
}
