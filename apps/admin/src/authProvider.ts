import type { AuthProvider } from 'react-admin';
import { env } from './config';
import { refreshAccessToken, session, sessionUser, type SessionUser } from './session';

interface SignIn {
  accessToken: string;
  user: SessionUser;
}

/** Shown on the sign-in page to a signed-in customer (e.g. from the storefront's cookie). */
export const NOT_AN_ADMIN = 'This account is not an administrator. Sign in with an admin account to use the back office.';

const notAdmin = () => ({ message: NOT_AN_ADMIN, redirectTo: '/login', logoutUser: true });

export const authProvider: AuthProvider = {
  async login({ username, password }) {
    const res = await fetch(`${env.VITE_API_BASE_URL}/auth/login`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: username, password }),
    });
    const body = await res.json().catch(() => null);
    if (!res.ok) throw new Error(body?.error?.message ?? 'Sign-in failed');
    const signIn = body as SignIn;
    if (signIn.user.role !== 'admin') {
      // Do not keep a customer's session in the console.
      await fetch(`${env.VITE_API_BASE_URL}/auth/logout`, { method: 'POST', credentials: 'include', headers: { Authorization: `Bearer ${signIn.accessToken}` } }).catch(() => undefined);
      throw new Error(NOT_AN_ADMIN);
    }
    session.set(signIn.accessToken);
    sessionUser.set(signIn.user);
  },
  async logout() {
    const token = session.get();
    session.clear();
    sessionUser.clear();
    if (!token) return;
    await fetch(`${env.VITE_API_BASE_URL}/auth/logout`, {
      method: 'POST',
      credentials: 'include',
      headers: { Authorization: `Bearer ${token}` },
    }).catch(() => undefined);
  },
  async checkAuth() {
    if (!session.get() && !(await refreshAccessToken())) throw { message: false, redirectTo: '/login' };
    const user = sessionUser.get();
    if (user && user.role !== 'admin') {
      session.clear();
      sessionUser.clear();
      throw notAdmin();
    }
  },
  async checkError(error) {
    if (error?.status === 401) {
      session.clear();
      throw new Error('Session expired');
    }
    if (error?.status === 403 && sessionUser.get()?.role !== 'admin') throw notAdmin();
  },
  async getIdentity() {
    const user = sessionUser.get();
    if (!user) throw new Error('Not signed in');
    return { id: user.id, fullName: user.displayName || user.username };
  },
  async getPermissions() {
    return sessionUser.get()?.role ?? null;
  },
};
