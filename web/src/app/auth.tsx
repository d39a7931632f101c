import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, UNAUTHORIZED_EVENT } from '../lib/api';
import { authApi, type Me, type Permission } from '../modules/auth/api';

interface AuthState {
  /** undefined while the first "who am I" call is in flight; null when signed out. */
  me: Me | null | undefined;
  setMe(me: Me | null): void;
  refresh(): Promise<Me | null>;
  logout(): Promise<void>;
  can(permission: Permission | string): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null | undefined>(undefined);
  const queryClient = useQueryClient();
  const accountId = useRef<string | null>(null);
  // Another account (or none) must never see the previous account's cached data.
  const setMe = useCallback(
    (next: Me | null) => {
      if ((next?.id ?? null) !== accountId.current) queryClient.clear();
      accountId.current = next?.id ?? null;
      setMeState(next);
    },
    [queryClient],
  );

  const refresh = useCallback(async () => {
    try {
      const m = await authApi.me();
      setMe(m);
      return m;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setMe(null);
        return null;
      }
      // Server unreachable: treat as signed out so the login page can show the error.
      setMe(null);
      return null;
    }
  }, [setMe]);

  useEffect(() => {
    void refresh();
    const onUnauthorized = () => setMe(null);
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, [refresh, setMe]);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setMe(null);
    }
  }, [setMe]);

  const value = useMemo<AuthState>(
    () => ({
      me,
      setMe,
      refresh,
      logout,
      can: (p) => !!me && me.permissions.includes(p),
    }),
    [me, setMe, refresh, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in account; only for pages rendered behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
