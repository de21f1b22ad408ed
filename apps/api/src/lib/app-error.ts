import { ErrorCodes, type ErrorCode } from '@pishop/shared';

/** The one error type services throw; the error plugin maps `code` to an HTTP status. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(ErrorCodes.NOT_FOUND, `${what} not found`);
export const conflict = (message: string, details?: unknown) =>
  new AppError(ErrorCodes.CONFLICT, message, details);
export const forbidden = (message = 'You are not allowed to do this') =>
  new AppError(ErrorCodes.FORBIDDEN, message);
export const unauthenticated = (message = 'Sign in first') =>
  new AppError(ErrorCodes.UNAUTHENTICATED, message);
export const badRequest = (message: string, details?: unknown) =>
  new AppError(ErrorCodes.BAD_REQUEST, message, details);
export const validationFailed = (fields: Record<string, string>) =>
  new AppError(ErrorCodes.VALIDATION_FAILED, describeFields(fields), { fields });

export function describeFields(fields: Record<string, string>): string {
  const entries = Object.entries(fields);
  if (entries.length === 0) return 'The request is not valid';
  return 'Invalid request: ' + entries.map(([k, v]) => `${k} ${v}`).join('; ');
}
