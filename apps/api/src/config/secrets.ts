import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from './config';

/**
 * Secrets that were published (in code, docs or examples): never accepted, in any mode.
 * Today: the development constant older versions signed with when JWT_SECRET was unset.
 */
const KNOWN_PUBLIC_SECRETS = new Set(['development-only-secret-change-me-please-32+chars']);

export function isKnownPublicSecret(value: string): boolean {
  return KNOWN_PUBLIC_SECRETS.has(value.trim());
}

/**
 * At start, without JWT_SECRET (development): reads the secret kept in the data folder, or
 * creates it (48 random bytes, file mode 600) on the first start. Two processes starting at
 * once agree: only one creates the file (`wx`), the other reads it.
 */
export function ensureJwtSecret(config: AppConfig): AppConfig {
  if (config.jwtSecret || !config.jwtSecretFile) return config;
  const file = config.jwtSecretFile;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(48).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  // Whoever made it, only the owner may read it.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32 || isKnownPublicSecret(secret)) {
    throw new Error(`${file} does not hold a usable JWT secret (32+ random characters); delete it to get a new one`);
  }
  return { ...config, jwtSecret: secret };
}
