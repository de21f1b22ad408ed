import { statusOfErrorCode } from '@pishop/shared';

/** Code → HTTP status: the one table in `@pishop/shared` (ERROR_STATUS). */
export function statusForCode(code: string): number {
  return statusOfErrorCode(code);
}
