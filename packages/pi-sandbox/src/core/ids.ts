import { randomBytes, randomInt, randomUUID } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Pi payment identifiers are 28 alphanumeric characters; that also fits a 28-byte text memo. */
export function newPaymentId(): string {
  let id = '';
  for (let i = 0; i < 28; i++) id += ALNUM[randomInt(ALNUM.length)];
  return id;
}

export const newUid = (): string => randomUUID();
export const newAccessToken = (): string => randomBytes(32).toString('base64url');
