import { AVATAR_CHOICES, USER_ROLES } from '@pishop/shared';

/** JSON schemas of what the accounts routes answer (serialisation, OpenAPI, no leaked fields). */
export const userSchema = {
  type: 'object',
  required: ['id', 'email', 'username', 'displayName', 'avatarUrl', 'role', 'isActive', 'createdAt'],
  properties: {
    id: { type: 'integer' },
    email: { type: ['string', 'null'], description: 'Null for accounts created by Pi Login' },
    username: { type: 'string' },
    displayName: { type: 'string', description: 'The display name, else the Pi username, else the username' },
    avatarChoice: { type: ['string', 'null'], enum: [...AVATAR_CHOICES, null] },
    avatarUrl: { type: 'string', description: 'Uploaded avatar, else the preset, else a default preset' },
    hasUploadedAvatar: { type: 'boolean' },
    role: { type: 'string', enum: [...USER_ROLES] },
    isActive: { type: 'boolean' },
    piUid: { type: ['string', 'null'] },
    piUsername: { type: ['string', 'null'] },
    hasPassword: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
    lastLoginAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

export const authResponseSchema = {
  type: 'object',
  required: ['accessToken', 'expiresIn', 'user'],
  description: 'The refresh token is set as an httpOnly cookie scoped to /api/v1/auth',
  properties: {
    accessToken: { type: 'string', description: 'JWT (HS256), send as `Authorization: Bearer`' },
    expiresIn: { type: 'integer', description: 'Seconds until the access token expires' },
    user: userSchema,
  },
} as const;

export const authConfigSchema = {
  type: 'object',
  required: ['passwordLogin', 'registration', 'piLogin', 'recaptchaSiteKey', 'piSandbox', 'piSandboxLocal'],
  properties: {
    passwordLogin: { type: 'boolean' },
    registration: { type: 'boolean' },
    piLogin: { type: 'boolean' },
    recaptchaSiteKey: { type: ['string', 'null'], description: 'Null when reCAPTCHA is off' },
    piSandbox: { type: 'boolean', description: 'Pass to Pi.init({sandbox})' },
    piSandboxLocal: { type: 'boolean', description: 'The local sandbox SDK is served at /pi-sandbox/sdk.js' },
  },
} as const;

export const messageSchema = {
  type: 'object',
  required: ['message'],
  properties: { message: { type: 'string' } },
} as const;

export const lockoutSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    login: { type: 'string' },
    ip: { type: 'string' },
    failures: { type: 'integer' },
    firstFailureAt: { type: 'string', format: 'date-time' },
    lastFailureAt: { type: 'string', format: 'date-time' },
    lockedUntil: { type: ['string', 'null'], format: 'date-time' },
    locked: { type: 'boolean' },
  },
} as const;

export const cvInfoSchema = {
  type: 'object',
  required: ['size', 'uploadedAt'],
  properties: { size: { type: 'integer' }, uploadedAt: { type: 'string', format: 'date-time' } },
} as const;
