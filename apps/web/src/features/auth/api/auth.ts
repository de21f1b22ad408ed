import type {
  AuthResponse,
  LoginRequest,
  RegisterRequest,
  UserDto,
} from '@pishop/shared';
import { api } from '../../../lib/api-client';
import { tokenStore } from '../../../lib/token-store';

async function signIn(path: string, body: object): Promise<UserDto> {
  const { data } = await api.post<AuthResponse>(path, body);
  tokenStore.set(data.accessToken);
  return data.user;
}

export const login = (body: LoginRequest) => signIn('/auth/login', body);
export const register = (body: RegisterRequest) => signIn('/auth/register', body);
export const piLogin = (accessToken: string) => signIn('/auth/pi', { accessToken });

export async function requestPasswordReset(email: string, recaptchaToken?: string): Promise<void> {
  await api.post('/auth/password-reset', { email, recaptchaToken });
}

export async function confirmPasswordReset(token: string, password: string): Promise<void> {
  await api.post('/auth/password-reset/confirm', { token, password });
}
