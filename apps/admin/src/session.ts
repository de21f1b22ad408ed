import { env } from './config';

/** The admin's access token lives in memory and sessionStorage; the refresh cookie renews it. */
const KEY = 'pishop.admin.accessToken';
const USER_KEY = 'pishop.admin.user';

export interface SessionUser {
  id: number;
  username: string;
  displayName?: string | null;
  role: string;
}

/** Who signed in (from the last sign-in or refresh answer). */
export const sessionUser = {
  get: (): SessionUser | null => JSON.parse(localStorage.getItem(USER_KEY) ?? 'null') as SessionUser | null,
  set: (user: SessionUser) => localStorage.setItem(USER_KEY, JSON.stringify(user)),
  clear: () => localStorage.removeItem(USER_KEY),
};

export const session = {
  get: () => sessionStorage.getItem(KEY),
  set: (token: string) => sessionStorage.setItem(KEY, token),
  clear: () => sessionStorage.removeItem(KEY),
};

let refreshing: Promise<string | null> | null = null;

/**
 * Asks the API for a new access token with the refresh cookie; null when signed out.
 * One request at a time: refresh tokens rotate, and a second use of the same one ends the session.
 */
export function refreshAccessToken(): Promise<string | null> {
  refreshing ??= fetch(`${env.VITE_API_BASE_URL}/auth/refresh`, { method: 'POST', credentials: 'include' })
    .then(async (res) => {
      if (!res.ok) return null;
      const body = (await res.json()) as { accessToken: string; user?: SessionUser };
      session.set(body.accessToken);
      if (body.user) sessionUser.set(body.user);
      return body.accessToken;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}
