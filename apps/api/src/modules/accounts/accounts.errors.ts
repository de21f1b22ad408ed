import { AccountErrorCodes as C } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { registerErrorStatus } from '../../lib/error-status';

registerErrorStatus({
  [C.INVALID_CREDENTIALS]: 401,
  [C.ACCOUNT_LOCKED]: 423,
  [C.ACCOUNT_DISABLED]: 403,
  [C.PASSWORD_LOGIN_DISABLED]: 403,
  [C.EMAIL_TAKEN]: 409,
  [C.USERNAME_TAKEN]: 409,
  [C.REFRESH_INVALID_TOKEN]: 401,
  [C.RESET_INVALID_TOKEN]: 400,
  [C.RECAPTCHA_FAILED]: 400,
  [C.RECAPTCHA_UNAVAILABLE]: 503,
  [C.PI_INVALID_TOKEN]: 401,
  [C.PI_UPSTREAM]: 502,
  [C.INVALID_IMAGE]: 422,
  [C.INVALID_PDF]: 422,
  [C.FILE_MISSING]: 400,
  [C.CV_NOT_FOUND]: 404,
  [C.LOCKOUT_NOT_FOUND]: 404,
  [C.USER_NOT_FOUND]: 404,
});

export const invalidCredentials = () =>
  new AppError(C.INVALID_CREDENTIALS, 'The login or password is wrong');
export const accountDisabled = () =>
  new AppError(C.ACCOUNT_DISABLED, 'This account is disabled; contact the seller');
export const passwordLoginDisabled = () =>
  new AppError(C.PASSWORD_LOGIN_DISABLED, 'This site only accepts Pi Login; open it in Pi Browser and sign in with Pi');
export const invalidRefreshToken = (reason: 'missing' | 'unknown' | 'expired' | 'revoked' | 'reused') =>
  new AppError(C.REFRESH_INVALID_TOKEN, 'Your session has ended; sign in again', { reason });
export const userNotFound = () => new AppError(C.USER_NOT_FOUND, 'User not found');
