import { useEffect, useState } from 'react';
import { authApi, type Role } from './api';

let cache: Promise<Role[]> | null = null;

/** The role catalogue (code → Chinese name), fetched once per page load. */
export function useRoles(): Role[] {
  const [roles, setRoles] = useState<Role[]>([]);
  useEffect(() => {
    if (!cache) {
      cache = authApi
        .roles()
        .then((r) => r.items)
        .catch(() => {
          cache = null;
          return [];
        });
    }
    let live = true;
    void cache.then((r) => live && setRoles(r));
    return () => {
      live = false;
    };
  }, []);
  return roles;
}
