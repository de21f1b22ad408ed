/**
 * The access token lives in memory only; the httpOnly refresh cookie restores it after a
 * reload. Subscribers (the session hook) re-render on change. A flag in localStorage (no
 * secret: just "a session may exist") spares a visitor who never signed in a refresh call
 * that can only fail (and a 401 in every anonymous page load).
 */
type Listener = (token: string | null) => void;

export const SESSION_HINT = 'pishop.session';
let current: string | null = null;
const listeners = new Set<Listener>();

function rememberHint(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(SESSION_HINT, '1');
    else window.localStorage.removeItem(SESSION_HINT);
  } catch {
    // Storage may be off (private mode, a blocked frame): then every load tries the cookie.
  }
}

export const tokenStore = {
  get: () => current,
  set(token: string | null) {
    current = token;
    rememberHint(token !== null);
    listeners.forEach((l) => l(token));
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  /** Whether a refresh cookie may be there (a sign-in in this browser that was not ended). */
  maySignIn(): boolean {
    try {
      return window.localStorage.getItem(SESSION_HINT) !== null;
    } catch {
      return true;
    }
  },
};
