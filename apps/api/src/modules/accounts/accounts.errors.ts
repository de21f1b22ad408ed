import { AccountErrorCodes as C } from '@pishop/shared';
import { AppError } from '../../lib/app-error';

export const invalidCredentials = () =>
  new AppError(C.INVALID_CREDENTIALS, 'The login or password is wrong');
export const accountDisabled = () =>
  new AppError(C.ACCOUNT_DISABLED, 'This account is disabled; contact the seller');
export const passwordLoginDisabled = () =>
  new AppError(C.PASSWORD_LOGIN_DISABLED, 'This site only accepts Pi Login; open it in Pi Browser and sign in with Pi');
export const invalidRefreshToken = (reason: 'missing' | 'unknown' | 'expired' | 'revoked' | 'reused') =>
  new AppError(C.REFRESH_INVALID_TOKEN, 'Your session has ended; sign in again', { reason });
export const userNotFound = () => new AppError(C.USER_NOT_FOUND, 'User not found');
