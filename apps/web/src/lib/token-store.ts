/**
 * The access token lives in memory only; the httpOnly refresh cookie restores it after a
 * reload. Subscribers (the session hook) re-render on change.
 */
type Listener = (token: string | null) => void;

let current: string | null = null;
const listeners = new Set<Listener>();

export const tokenStore = {
  get: () => current,
  set(token: string | null) {
    current = token;
    listeners.forEach((l) => l(token));
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};
