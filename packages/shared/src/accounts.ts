/** Accounts: users, sign-in, sessions, profile. Contracts shared by the API and the SPAs. */

export type UserRole = 'customer' | 'admin';
export const USER_ROLES: readonly UserRole[] = ['customer', 'admin'];

/** Preset avatars a user can pick instead of uploading one (served as SVG by the API). */
export const AVATAR_CHOICES = ['aurora', 'ember', 'forest', 'ocean', 'sunset', 'violet', 'slate', 'gold'] as const;
export type AvatarChoice = (typeof AVATAR_CHOICES)[number];

/** Usernames are stored lowercase: letters, digits, `_`, `.`, `-`; 3 to 32 characters. */
export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,32}$/;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
export const DISPLAY_NAME_MAX_LENGTH = 60;

/** The refresh cookie (httpOnly, scoped to the auth path). */
export const REFRESH_COOKIE_NAME = 'pishop_refresh';
export const AUTH_PATH = '/api/v1/auth';

/** A user as the API shows it to the user themself and to admins. */
export interface UserDto {
  id: number;
  /** Null for accounts created by Pi Login (Pi shares no email). */
  email: string | null;
  username: string;
  displayName: string;
  avatarChoice: AvatarChoice | null;
  /** Uploaded avatar, else the preset, else a default preset: always a URL. */
  avatarUrl: string;
  hasUploadedAvatar: boolean;
  role: UserRole;
  isActive: boolean;
  piUid: string | null;
  piUsername: string | null;
  /** Whether the account can sign in with a password. */
  hasPassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface RegisterRequest {
  email: string;
  username: string;
  password: string;
  recaptchaToken?: string;
}

export interface LoginRequest {
  /** Email or username. */
  login: string;
  password: string;
  recaptchaToken?: string;
}

export interface PiLoginRequest {
  /** From `Pi.authenticate`; checked with the Pi Platform (`GET /v2/me`). */
  accessToken: string;
}

export interface PasswordResetRequest {
  email: string;
  recaptchaToken?: string;
}

export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

export interface UpdateMeRequest {
  displayName?: string | null;
  avatarChoice?: AvatarChoice | null;
}

/** What every sign-in (register, login, refresh, Pi) answers; the refresh token goes in the cookie. */
export interface AuthResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: UserDto;
}

/** `GET /auth/config`: which sign-in methods the SPAs offer. */
export interface AuthConfigResponse {
  passwordLogin: boolean;
  registration: boolean;
  piLogin: boolean;
  /** Null when reCAPTCHA is off (no secret configured). */
  recaptchaSiteKey: string | null;
  /** Pi.init({sandbox}) */
  piSandbox: boolean;
  /** The local Pi sandbox is mounted (SDK stand-in at /pi-sandbox/sdk.js). */
  piSandboxLocal: boolean;
}

/** A lockout record (admin `GET /admin/login-lockouts`). */
export interface LoginLockoutDto {
  id: number;
  login: string;
  ip: string;
  failures: number;
  firstFailureAt: string;
  lastFailureAt: string;
  lockedUntil: string | null;
  locked: boolean;
}

export interface CvInfo {
  size: number;
  uploadedAt: string;
}

/** Error codes of the accounts module. */
export const AccountErrorCodes = {
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  PASSWORD_LOGIN_DISABLED: 'PASSWORD_LOGIN_DISABLED',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  REFRESH_INVALID_TOKEN: 'REFRESH_INVALID_TOKEN',
  RESET_INVALID_TOKEN: 'RESET_INVALID_TOKEN',
  RECAPTCHA_FAILED: 'RECAPTCHA_FAILED',
  RECAPTCHA_UNAVAILABLE: 'RECAPTCHA_UNAVAILABLE',
  PI_INVALID_TOKEN: 'PI_INVALID_TOKEN',
  PI_UPSTREAM: 'PI_UPSTREAM',
  INVALID_IMAGE: 'INVALID_IMAGE',
  INVALID_PDF: 'INVALID_PDF',
  FILE_MISSING: 'FILE_MISSING',
  CV_NOT_FOUND: 'CV_NOT_FOUND',
  LOCKOUT_NOT_FOUND: 'LOCKOUT_NOT_FOUND',
  USER_NOT_FOUND: 'USER_NOT_FOUND',
} as const;
