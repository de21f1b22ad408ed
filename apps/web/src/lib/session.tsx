import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { UserDto } from '@pishop/shared';
import { api, refreshSession } from './api-client';
import { tokenStore } from './token-store';

export const getMe = async () => (await api.get<UserDto>('/me')).data;

async function apiLogout(): Promise<void> {
  await api.post('/auth/logout').catch(() => undefined);
  tokenStore.set(null);
}

interface Session {
  user: UserDto | null;
  /** False until the refresh cookie was tried once after a page load. */
  ready: boolean;
  signedIn: (user: UserDto) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Restores the session from the refresh cookie at load and keeps the user in sync with the token. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<UserDto | null>(null);
  const [ready, setReady] = useState(false);
  const queryClient = useQueryClient();

  useEffect(() => {
    let cancelled = false;
    void refreshSession()
      .then((token) => (token ? getMe() : null))
      .then((me) => !cancelled && setUser(me))
      .catch(() => undefined)
      .finally(() => !cancelled && setReady(true));
    const unsubscribe = tokenStore.subscribe((token) => {
      if (!token) setUser(null);
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, []);

  const signedIn = useCallback((u: UserDto) => setUser(u), []);
  const signOut = useCallback(async () => {
    await apiLogout();
    setUser(null);
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo(() => ({ user, ready, signedIn, signOut }), [user, ready, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}
