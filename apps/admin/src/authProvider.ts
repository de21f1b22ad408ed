import type { AuthProvider } from 'react-admin';
import { env } from './config';
import { refreshAccessToken, session } from './session';

interface SignIn {
  accessToken: string;
  user: { id: number; username: string; displayName?: string; role: string };
}

export const authProvider: AuthProvider = {
  async login({ username, password }) {
    const res = await fetch(`${env.VITE_API_BASE_URL}/auth/login`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: username, password }),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(body?.error?.message ?? 'Sign-in failed');
    const signIn = body as SignIn;
    if (signIn.user.role !== 'admin') throw new Error('This account is not an administrator');
    session.set(signIn.accessToken);
    localStorage.setItem('pishop.admin.user', JSON.stringify(signIn.user));
  },
  async logout() {
    const token = session.get();
    session.clear();
    localStorage.removeItem('pishop.admin.user');
    await fetch(`${env.VITE_API_BASE_URL}/auth/logout`, {
      method: 'POST',
      credentials: 'include',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    }).catch(() => undefined);
  },
  async checkAuth() {
    if (session.get()) return;
    if (!(await refreshAccessToken())) throw new Error('Please sign in');
  },
  async checkError(error) {
    if (error?.status === 401) {
      session.clear();
      throw new Error('Session expired');
    }
  },
  async getIdentity() {
    const user = JSON.parse(localStorage.getItem('pishop.admin.user') ?? 'null') as SignIn['user'] | null;
    if (!user) throw new Error('Not signed in');
    return { id: user.id, fullName: user.displayName || user.username };
  },
  async getPermissions() {
    return 'admin';
  },
};
