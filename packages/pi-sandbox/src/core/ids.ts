import { randomBytes, randomInt, randomUUID } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
// StrKey version byte of an ed25519 public key ("G..."), as Stellar and Pi encode accounts.
const ACCOUNT_VERSION_BYTE = 6 << 3;

/** Pi payment identifiers are 28 alphanumeric characters; that also fits a 28-byte text memo. */
export function newPaymentId(): string {
  let id = '';
  for (let i = 0; i < 28; i++) id += ALNUM[randomInt(ALNUM.length)];
  return id;
}

export const newUid = (): string => randomUUID();
export const newAccessToken = (): string => randomBytes(32).toString('base64url');
/** Transaction hashes are 32 bytes in lowercase hex, like Horizon's. */
export const newTxid = (): string => randomBytes(32).toString('hex');

/**
 * A well-formed Stellar account id (version byte, key, CRC16 checksum, base32), so code that
 * validates addresses with the Stellar SDK accepts the sandbox's wallets.
 */
export function newWalletAddress(): string {
  const payload = Buffer.concat([Buffer.from([ACCOUNT_VERSION_BYTE]), randomBytes(32)]);
  const crc = crc16xmodem(payload);
  const checksum = Buffer.from([crc & 0xff, crc >> 8]);
  return base32(Buffer.concat([payload, checksum]));
}

/** True when `address` has the StrKey shape and checksum of an account id. */
export function isWalletAddress(address: string): boolean {
  if (!/^G[A-Z2-7]{55}$/.test(address)) return false;
  const raw = base32Decode(address);
  const crc = crc16xmodem(raw.subarray(0, 33));
  return raw[0] === ACCOUNT_VERSION_BYTE && raw[33] === (crc & 0xff) && raw[34] === crc >> 8;
}

function crc16xmodem(bytes: Buffer): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function base32Decode(text: string): Buffer {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    value = (value << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}
