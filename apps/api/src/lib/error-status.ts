import { ErrorCodes } from '@pishop/shared';

/** Code → HTTP status, in one place. Module-specific codes default by their suffix. */
const statusByCode: Record<string, number> = {
  [ErrorCodes.VALIDATION_FAILED]: 400,
  [ErrorCodes.BAD_REQUEST]: 400,
  [ErrorCodes.UNAUTHENTICATED]: 401,
  [ErrorCodes.FORBIDDEN]: 403,
  [ErrorCodes.NOT_FOUND]: 404,
  [ErrorCodes.CONFLICT]: 409,
  [ErrorCodes.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCodes.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCodes.UNPROCESSABLE]: 422,
  [ErrorCodes.RATE_LIMITED]: 429,
  [ErrorCodes.INTERNAL]: 500,
  [ErrorCodes.UPSTREAM_FAILED]: 502,
  [ErrorCodes.SERVICE_UNAVAILABLE]: 503,
};

const statusBySuffix: [RegExp, number][] = [
  [/_NOT_FOUND$/, 404],
  [/_CONFLICT$|_EXISTS$|_TAKEN$/, 409],
  [/_FORBIDDEN$|_DISABLED$/, 403],
  [/_LOCKED$/, 423],
  [/_UNAUTHENTICATED$|_INVALID_TOKEN$|_EXPIRED$/, 401],
  [/_UNPROCESSABLE$|_MISMATCH$/, 422],
  [/_UNAVAILABLE$/, 503],
  [/_UPSTREAM$/, 502],
];

/** Lets a module register its own codes at load time (e.g. ACCOUNT_LOCKED → 423). */
export function registerErrorStatus(codes: Record<string, number>): void {
  Object.assign(statusByCode, codes);
}

export function statusForCode(code: string): number {
  if (code in statusByCode) return statusByCode[code];
  const bySuffix = statusBySuffix.find(([re]) => re.test(code));
  return bySuffix ? bySuffix[1] : 400;
}
