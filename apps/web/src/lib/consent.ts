import { useCallback, useSyncExternalStore } from 'react';

/** The visitor's cookie choice, remembered in this browser. */
export type ConsentChoice = 'all' | 'necessary';

const KEY = 'pishop.cookie-consent';
const listeners = new Set<() => void>();

function read(): ConsentChoice | null {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === 'all' || value === 'necessary' ? value : null;
  } catch {
    return null;
  }
}

export function useCookieConsent() {
  const choice = useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    read,
    () => null,
  );
  const choose = useCallback((value: ConsentChoice) => {
    try {
      window.localStorage.setItem(KEY, value);
    } catch {
      // Storage refused (private mode): the choice holds for this page only.
    }
    listeners.forEach((l) => l());
  }, []);
  return { choice, choose };
}
