/** The accounts tables, for db/entities.ts (importing index.ts there would load the routes). */
export { User } from './user.entity';
export { RefreshToken } from './refresh-token.entity';
export { RevokedAccessToken } from './revoked-access-token.entity';
export { LoginAttempt } from './login-attempt.entity';
export { PasswordResetToken } from './password-reset-token.entity';
